// GraphQL subscriptions over WebSocket (the graphql-ws protocol, `graphql-transport-ws`) on the
// gateway's own port and GraphQL path: a `ws` server in noServer mode takes the HTTP upgrades the
// node:http adapter hands it. Only subscriptions are served here; queries and mutations stay on
// HTTP, where every plugin (limits, logging, metrics) sees them.
//
// The context of each subscription comes from the gateway's one context factory, given the upgrade
// request's headers overlaid with the client's `connectionParams` (browsers cannot set headers on a
// WebSocket, so `{ Authorization: "Bearer ..." }` travels there). Errors are formatted by the same
// formatter as HTTP responses.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ExecutionArgs, GraphQLFormattedError, GraphQLSchema, ValidationRule } from "graphql";
import { GraphQLError, getOperationAST, parse, specifiedRules, validate } from "graphql";
import type { Context as GraphQLWsContext } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Extra } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { GatewayLogger } from "../errors.js";

/** The part of a request the context factory reads (credentials live in the headers). */
export interface ContextRequest {
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface GraphQLWsOptions<TContext> {
  /** The executable schema; read when the first operation arrives (Apollo builds it at start). */
  schema: () => GraphQLSchema;
  /** The GraphQL path, where upgrades are taken. */
  path: string;
  createContext: (request: ContextRequest) => Promise<TContext>;
  /** The HTTP responses' formatter (Apollo's `formatError` signature). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /**
   * Whether a page from `origin` (another origin than the gateway's) may open a socket. Browsers
   * apply no CORS to WebSockets, so without this any site a user visits could subscribe with the
   * user's network position.
   */
  isOriginAllowed: (origin: string) => boolean;
  /** Rules beyond graphql-js's specified ones (the HTTP path's limits). */
  validationRules?: readonly ValidationRule[];
  logger: GatewayLogger;
  /** How long close() lets clients answer the close handshake before cutting them. Default 2 s. */
  closeTimeoutMs?: number;
  /** Ping interval; a client that misses a pong is dropped. Default 12 s (graphql-ws's). */
  keepAliveMs?: number;
}

/** The node:http adapter's hook: takes an upgrade when it is for this path. */
export interface UpgradeHandler {
  /** True when it took the socket (answered or upgraded it); false to let the next handler try. */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every WebSocket with 1001 Going Away and refuses new ones. Idempotent. */
  close(): Promise<void>;
}

function pathOf(req: IncomingMessage): string {
  const target = req.url ?? "/";
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** Refuses an upgrade with a plain HTTP answer (the socket is not a WebSocket yet). */
function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The page's origin is the gateway's own when it names the Host the request came to. */
function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Upgrade headers, overlaid with connectionParams (string values only, names lower-cased). */
function headersOf(ctx: Pick<GraphQLWsContext<Record<string, unknown> | undefined, Extra>, "connectionParams" | "extra">): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(ctx.extra.request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  for (const [name, value] of Object.entries(ctx.connectionParams ?? {})) {
    if (typeof value === "string") headers[name.toLowerCase()] = value;
  }
  return headers;
}

function asGraphQLErrors(formatted: readonly GraphQLFormattedError[]): GraphQLError[] {
  return formatted.map((error) => new GraphQLError(error.message, { extensions: error.extensions }));
}

export function createGraphQLWsServer<TContext>(options: GraphQLWsOptions<TContext>): UpgradeHandler {
  const { path, logger } = options;
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema: () => options.schema(),
      async onSubscribe(ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
        const schema = options.schema();
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return asGraphQLErrors(format(withCode([error instanceof GraphQLError ? error : new GraphQLError(String(error))], "GRAPHQL_PARSE_FAILED")));
        }
        const invalid = validate(schema, document, [...specifiedRules, ...(options.validationRules ?? [])]);
        if (invalid.length > 0) return asGraphQLErrors(format(withCode(invalid, "GRAPHQL_VALIDATION_FAILED")));
        const operation = getOperationAST(document, payload.operationName);
        if (operation === null || operation === undefined) return asGraphQLErrors([{ message: "Name the operation to run (operationName).", extensions: { code: "BAD_USER_INPUT" } }]);
        if (operation.operation !== "subscription") {
          return asGraphQLErrors([{ message: "Only subscriptions are served over WebSocket: send queries and mutations over HTTP.", extensions: { code: "BAD_REQUEST" } }]);
        }
        let contextValue: TContext;
        try {
          contextValue = await options.createContext({ headers: headersOf(ctx) });
        } catch (error) {
          // Authentication failures and the like: the same shape an HTTP client would get.
          return asGraphQLErrors(format([error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })]));
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (result.errors === undefined || result.errors.length === 0) return undefined;
        return { ...result, errors: format(result.errors) };
      },
      onError(_ctx, _id, _payload, errors) {
        return format(errors);
      },
    },
    webSockets,
    options.keepAliveMs ?? 12_000,
  );

  let closing: Promise<void> | undefined;
  return {
    handle(req, socket, head) {
      if (pathOf(req) !== path) return false;
      if (closing !== undefined) {
        refuse(socket, 503, "Service Unavailable", "The gateway is shutting down.");
        return true;
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !isSameOrigin(origin, req) && !options.isOriginAllowed(origin)) {
        refuse(socket, 403, "Forbidden", `Origin ${origin} may not open WebSockets here (CORS_ORIGINS).`);
        return true;
      }
      webSockets.handleUpgrade(req, socket, head, (webSocket) => webSockets.emit("connection", webSocket, req));
      return true;
    },
    close() {
      closing ??= (async () => {
        // Clients answer 1001 with their own close frame; one that does not is cut.
        const cut = setTimeout(() => {
          for (const client of webSockets.clients) client.terminate();
        }, options.closeTimeoutMs ?? 2000);
        try {
          await server.dispose();
        } catch (error) {
          logger.error("closing the WebSocket server failed", error);
        } finally {
          clearTimeout(cut);
        }
      })();
      return closing;
    },
  };
}

/**
 * Apollo's codes for what graphql-js reports without one, so the shared formatter passes them on
 * (it turns an error without a public code into INTERNAL_SERVER_ERROR).
 */
function withCode(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((error) =>
    typeof error.extensions.code === "string"
      ? error
      : new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } }),
  );
}
