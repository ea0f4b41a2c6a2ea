// The WebSocket door: GraphQL subscriptions over the graphql-ws protocol (`graphql-transport-ws`)
// on the gateway's port and GraphQL path. A `ws` server in noServer mode takes the upgrades the
// node:http server hands it. This file only translates the protocol into the operation pipeline's
// steps (src/pipeline/):
//
//   upgrade            the path, shutdown and the page's Origin (browsers apply no CORS here)
//   ConnectionInit     step 1, admitCaller, with the upgrade's headers overlaid by connectionParams
//                      (browsers cannot set headers on a WebSocket, so `Authorization` travels
//                      there); a refused socket closes with 4401 or 4403 before it can send any
//                      operation, and one that sends no ConnectionInit is closed after
//                      connectionInitWaitTimeout (4408)
//   Subscribe          steps 2 and 3: admitOperation and openSubscription, then graphql-js runs it
//   every result       step 4, formatError
//   the end            step 5, record
//
// Messages are bounded by MAX_BODY_BYTES, like an HTTP body; the pipeline bounds the document.
// `ws` and graphql-ws are loaded with the first upgrade, not at start: a gateway that serves no
// subscription never loads them, and the first answer comes sooner.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ExecutionArgs, GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import type { Context as GraphQLWsContext } from "graphql-ws";
import type { Extra } from "graphql-ws/use/ws";
import type { WebSocket, WebSocketServer } from "ws";
import type { GatewayContext } from "../context.js";
import type { Logger } from "../observability/logger.js";
import { inRequest } from "../observability/index.js";
import type { Caller, OperationPipeline } from "../pipeline/index.js";
import { Refusal, badRequest } from "../pipeline/index.js";
import { pathOf } from "./respond.js";
import { requestIdFrom } from "./requestId.js";

export interface WebSocketDoorOptions {
  pipeline: OperationPipeline;
  /** The GraphQL path, where upgrades are taken. */
  path: string;
  /** Whether a page from `origin` (another origin than the gateway's) may open a socket (CORS_ORIGINS). */
  isOriginAllowed: (origin: string) => boolean;
  /** The largest message a client may send (MAX_BODY_BYTES). */
  maxMessageBytes: number;
  log: Logger;
  /** How long close() lets clients answer the close handshake before cutting them. Default 2 s. */
  closeTimeoutMs?: number;
  /** Ping interval; a client that misses a pong is dropped. Default 12 s (graphql-ws's). */
  keepAliveMs?: number;
  /** How long a new socket may take to send ConnectionInit. Default 3 s (graphql-ws's). */
  connectionInitWaitTimeoutMs?: number;
}

/** The node:http server's hook: takes an upgrade when it is for this path. */
export interface UpgradeHandler {
  /** True when it took the socket (answered or upgraded it); false to let the next handler try. */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every WebSocket with 1001 Going Away and refuses new ones. Idempotent. */
  close(): Promise<void>;
}

type WsContext = GraphQLWsContext<Record<string, unknown> | undefined, Extra>;

/** Refuses an upgrade with a plain HTTP answer (the socket is not a WebSocket yet). */
function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
  const body = `${message}\n`;
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** The page's origin is the gateway's own when it names the Host the request came to. */
function isSameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Upgrade headers, overlaid with connectionParams (string values only, names lower-cased; never Host). */
function headersOf(ctx: Pick<WsContext, "connectionParams" | "extra">): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(ctx.extra.request.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  for (const [name, value] of Object.entries(ctx.connectionParams ?? {})) {
    const lower = name.toLowerCase();
    if (typeof value === "string" && lower !== "host") headers[lower] = value;
  }
  return headers;
}

/** Close reasons are at most 123 bytes (RFC 6455, 5.5). */
function closeReason(message: string): string {
  return Buffer.byteLength(message) <= 123 ? message : `${Buffer.from(message).subarray(0, 120).toString("utf8").replace(/\uFFFD$/, "")}...`;
}

interface Running {
  context: GatewayContext;
  operationName: string | null | undefined;
  startedAt: bigint;
  release: () => void;
  codes: string[];
}

/** What the door keeps of one socket. */
interface SocketState {
  /** The caller's or a fresh id: its operations' request ids extend it. */
  requestId: string;
  caller?: Caller;
  /** Subscriptions running, by the client's id. */
  runs: Map<string, Running>;
}

export function createWebSocketDoor(options: WebSocketDoorOptions): UpgradeHandler {
  const { pipeline, path, log } = options;
  const sockets = new WeakMap<object, SocketState>();
  function stateOf(ctx: WsContext): SocketState {
    let state = sockets.get(ctx.extra.socket);
    if (state === undefined) {
      state = { requestId: requestIdFrom(ctx.extra.request.headers["x-request-id"]), runs: new Map() };
      sockets.set(ctx.extra.socket, state);
    }
    return state;
  }
  // In the operation's request scope: the formatter's log line of an internal error names its id.
  const format = (errors: readonly GraphQLError[], requestId: string): GraphQLFormattedError[] =>
    inRequest(requestId, () => errors.map((error) => pipeline.formatError(error.toJSON(), error)));
  const requestIdOf = (state: SocketState, id: string): string => state.runs.get(id)?.context.requestId ?? `${state.requestId}.${id}`.slice(0, 160);
  // onSubscribe's refusals come back through onError: they are formatted once, there.
  const formattedAlready = new WeakSet<GraphQLError>();
  function finish(state: SocketState, id: string, codes: readonly string[] = []): void {
    const run = state.runs.get(id);
    if (run === undefined) return;
    state.runs.delete(id);
    run.release();
    pipeline.record(run.context, { operationName: run.operationName, operationType: "subscription", executed: true, codes: [...run.codes, ...codes], startedAt: run.startedAt });
  }

  async function startServer(): Promise<{ webSockets: WebSocketServer; dispose: () => void | Promise<void> }> {
    const [{ WebSocketServer }, { useServer }] = await Promise.all([import("ws"), import("graphql-ws/use/ws")]);
    const webSockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
    const server = useServer<Record<string, unknown> | undefined>(
      {
        schema: undefined,
        connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs ?? 3000,
        async onConnect(ctx) {
          const state = stateOf(ctx);
          try {
            const caller = await pipeline.admitCaller({ headers: headersOf(ctx), door: "websocket", requestId: state.requestId, address: ctx.extra.request.socket.remoteAddress });
            // This door serves subscriptions only: a caller who may not subscribe can do nothing here.
            pipeline.requireScope(caller, "subscription");
            state.caller = caller;
            return true;
          } catch (error) {
            const refusal = error instanceof Refusal ? error : new Refusal("INTERNAL_SERVER_ERROR", "The connection could not be admitted.", { status: 500 });
            if (!(error instanceof Refusal)) log.error({ requestId: state.requestId, err: error }, "websocket admission failed");
            log.info({ requestId: state.requestId, door: "websocket", code: refusal.code, status: refusal.status }, "websocket refused");
            ctx.extra.socket.close(refusal.closeCode, closeReason(refusal.message));
            return false;
          }
        },
        async onSubscribe(ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> {
          const startedAt = process.hrtime.bigint();
          const state = stateOf(ctx);
          const caller = state.caller;
          // graphql-ws closes a socket that subscribes before its ConnectionInit was accepted (4401).
          if (caller === undefined) return [new GraphQLError("The connection is not admitted.", { extensions: { code: "UNAUTHENTICATED" } })];
          const context = pipeline.createContext({ ...caller, requestId: requestIdOf(state, id) });
          const operationName = payload.operationName;
          try {
            const { document, operation } = pipeline.admitOperation(context, {
              source: typeof payload.query === "string" ? payload.query : "",
              operationName,
              variables: payload.variables,
              streams: true,
            });
            if (operation === undefined) throw badRequest("The document names no operation to run: send operationName.");
            if (operation.operation !== "subscription") throw badRequest("Only subscriptions are served over WebSocket: send queries and mutations over HTTP.");
            const release = pipeline.openSubscription(context, ctx.extra.socket);
            state.runs.set(id, { context, operationName, startedAt, release, codes: [] });
            return { schema: pipeline.schema(), document, operationName, variableValues: payload.variables, contextValue: context };
          } catch (error) {
            const errors = error instanceof Refusal ? [pipeline.toGraphQLError(error)] : [new GraphQLError((error as Error).message, { originalError: error as Error })];
            const formatted = format(errors, context.requestId);
            pipeline.record(context, { operationName, operationType: "subscription", executed: false, codes: formatted.map((e) => String(e.extensions?.code)), startedAt });
            return formatted.map((e) => {
              const error = new GraphQLError(e.message, { extensions: e.extensions });
              formattedAlready.add(error);
              return error;
            });
          }
        },
        onNext(ctx, id, _payload, _args, result) {
          if (result.errors === undefined || result.errors.length === 0) return undefined;
          const state = stateOf(ctx);
          const formatted = format(result.errors, requestIdOf(state, id));
          state.runs.get(id)?.codes.push(...formatted.map((e) => String(e.extensions?.code)));
          return { ...result, errors: formatted };
        },
        onError(ctx, id, _payload, errors) {
          if (errors.every((error) => formattedAlready.has(error))) return errors.map((error) => error.toJSON());
          const state = stateOf(ctx);
          const formatted = format(errors, requestIdOf(state, id));
          finish(state, id, formatted.map((e) => String(e.extensions?.code)));
          return formatted;
        },
        onComplete(ctx, id) {
          finish(stateOf(ctx), id);
        },
        onClose(ctx) {
          const state = stateOf(ctx);
          for (const id of [...state.runs.keys()]) finish(state, id);
        },
      },
      webSockets,
      options.keepAliveMs ?? 12_000,
    );

    // A socket's protocol errors (an oversize or malformed frame) close it (ws answers 1009 or 1002);
    // they are the client's doing, logged as one JSON record. graphql-ws's own listener, added just
    // before this one, would print them with their stack on stderr: it is replaced.
    webSockets.on("connection", (socket: WebSocket) => {
      socket.removeAllListeners("error");
      socket.on("error", (error: Error & { code?: string }) => log.info({ door: "websocket", code: error.code ?? error.name, message: error.message }, "websocket protocol error"));
    });
    webSockets.on("wsClientError", (error: Error & { code?: string }, socket: Duplex) => {
      log.info({ door: "websocket", code: error.code ?? error.name, message: error.message }, "websocket handshake refused");
      socket.destroy();
    });
    return { webSockets, dispose: () => server.dispose() };
  }

  let started: ReturnType<typeof startServer> | undefined;
  let closing: Promise<void> | undefined;
  return {
    handle(req, socket, head) {
      if (pathOf(req) !== path) return false;
      if (closing !== undefined) {
        refuseUpgrade(socket, 503, "Service Unavailable", "The gateway is shutting down.");
        return true;
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !isSameOrigin(origin, req) && !options.isOriginAllowed(origin)) {
        refuseUpgrade(socket, 403, "Forbidden", `Origin ${origin.slice(0, 200)} may not open WebSockets here (CORS_ORIGINS).`);
        return true;
      }
      // node:http has taken its listeners off the socket: until ws adds its own, an error cuts it.
      const cut = () => socket.destroy();
      socket.once("error", cut);
      (started ??= startServer()).then(
        ({ webSockets }) => {
          socket.removeListener("error", cut);
          if (closing !== undefined) refuseUpgrade(socket, 503, "Service Unavailable", "The gateway is shutting down.");
          else webSockets.handleUpgrade(req, socket, head, (webSocket) => webSockets.emit("connection", webSocket, req));
        },
        (error: unknown) => {
          socket.removeListener("error", cut);
          log.error({ err: error }, "the WebSocket server could not be started");
          refuseUpgrade(socket, 500, "Internal Server Error", "The WebSocket server could not be started.");
        },
      );
      return true;
    },
    close() {
      closing ??= (async () => {
        // Nothing to close when no upgrade ever came (or the server could not start).
        const running = started === undefined ? undefined : await started.catch(() => undefined);
        if (running === undefined) return;
        const { webSockets } = running;
        // Clients answer 1001 with their own close frame; one that does not is cut.
        const cut = setTimeout(() => {
          for (const client of webSockets.clients) client.terminate();
        }, options.closeTimeoutMs ?? 2000);
        try {
          await running.dispose();
        } catch (error) {
          log.error({ err: error }, "closing the WebSocket server failed");
        } finally {
          clearTimeout(cut);
        }
      })();
      return closing;
    },
  };
}
