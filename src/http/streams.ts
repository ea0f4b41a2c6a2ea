// The streaming door: GraphQL answers that stream over one plain HTTP response, for clients that
// have no WebSocket, on the same URL as every other request. The request's Accept picks the framing:
//
//   text/event-stream                        GraphQL over Server-Sent Events, graphql-sse's
//                                            "distinct connections mode": `event: next` per result,
//                                            `event: complete` at the end, `:` comments as pings
//   multipart/mixed;subscriptionSpec=1.0     Apollo's multipart HTTP subscriptions, as Apollo
//                                            Client's HttpLink reads them: `{"payload":...}` parts,
//                                            `{}` heartbeats, `{"payload":null,"errors":[...]}` for
//                                            an error that ends the stream
//
// The HTTP door (graphqlHandler.ts) runs step 1 (admitCaller) and reads the body, then offers the
// request here. This file only translates, like the WebSocket door: admitOperation (step 2) and
// openSubscription (step 3, the per-caller cap) before any byte of the stream, so a refusal is an
// ordinary JSON answer with its 4xx status; each result through formatError (step 4); one record at
// the end (step 5). Queries and mutations may come this way too (graphql-sse's client sends them):
// one result, then the end. The stream ends when the operation does, when the client goes away
// (the subscription ends and frees its cap) and when the gateway shuts down (a last SHUTTING_DOWN
// error first, so clients know to subscribe again).
import type { HTTPGraphQLRequest } from "@apollo/server";
import type { ServerResponse } from "node:http";
import { execute, subscribe } from "graphql";
import type { DocumentNode, ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import type { Door, GatewayContext } from "../context.js";
import { ErrorCode } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { Caller, OperationPipeline } from "../pipeline/index.js";
import { Refusal, RequestCode, badRequest } from "../pipeline/index.js";
import { sendRefusal } from "./respond.js";

/** How results are written into one response. */
interface Framing {
  readonly door: Extract<Door, "sse" | "multipart">;
  readonly contentType: string;
  /** Written once, right after the headers. */
  readonly open: string;
  result(result: FormattedExecutionResult): string;
  /** Keeps proxies from cutting an idle stream; clients ignore it. */
  readonly ping: string;
  /** The end of the stream, after a last error that ends it when there is one. */
  end(error?: GraphQLFormattedError): string;
}

const sseEvent = (event: "next" | "complete", data?: unknown): string => `event: ${event}\ndata:${data === undefined ? "" : ` ${JSON.stringify(data)}`}\n\n`;

const SSE: Framing = {
  door: "sse",
  contentType: "text/event-stream; charset=utf-8",
  open: ":\n\n",
  result: (result) => sseEvent("next", result),
  ping: ":\n\n",
  end: (error) => (error === undefined ? "" : sseEvent("next", { errors: [error] })) + sseEvent("complete"),
};

// Each part is followed at once by the boundary: a client hands a part over when it sees the
// boundary after it, so a part whose boundary came only with the next one would wait for it.
const BOUNDARY = "\r\n--graphql";
const part = (json: unknown): string => `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(json)}${BOUNDARY}`;

const MULTIPART: Framing = {
  door: "multipart",
  contentType: 'multipart/mixed; boundary="graphql"; subscriptionSpec="1.0"',
  open: BOUNDARY + part({}),
  result: (result) => part({ payload: result }),
  ping: part({}),
  end: (error) => (error === undefined ? "" : part({ payload: null, errors: [error] })) + "--\r\n",
};

/**
 * The framing a request's Accept prefers (the first media range of the highest weight); undefined
 * when it prefers something else, and Apollo answers it. urql lists the JSON types before
 * text/event-stream for queries: they stay ordinary JSON answers.
 */
export function streamFramingOf(accept: string | undefined): Framing | undefined {
  let best: { weight: number; framing: Framing | undefined } | undefined;
  for (const range of (accept ?? "").split(",")) {
    const [type = "", ...parameters] = range.split(";").map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (type === "" || !(weight > 0) || (best !== undefined && weight <= best.weight)) continue;
    const subscriptionSpec = parameters.some((parameter) => /^subscriptionspec="?1\.0"?$/.test(parameter));
    best = { weight, framing: type === "text/event-stream" ? SSE : type === "multipart/mixed" && subscriptionSpec ? MULTIPART : undefined };
  }
  return best?.framing;
}

export interface StreamDoorOptions {
  pipeline: OperationPipeline;
  log: Logger;
  /** How often an idle stream gets a ping. Default 12 s: under the 30 to 60 s idle timeouts of common proxies. */
  keepAliveMs?: number;
}

export interface StreamDoor {
  /**
   * Serves the request when its Accept asks for a stream (true, once it has answered); false when it
   * does not, and the HTTP door answers it. `caller` passed step 1; `request` carries the read body.
   */
  serve(res: ServerResponse, caller: Caller, request: HTTPGraphQLRequest): Promise<boolean>;
  /**
   * Ends every subscription's stream at once with a SHUTTING_DOWN error (their operations then end
   * as on a disconnect) and refuses new streams (503). Queries and mutations in flight finish within
   * the drain's grace, as on plain HTTP. Idempotent.
   */
  close(): Promise<void>;
}

interface Params {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The operation of a POST's JSON body or a GET's query string, as GraphQL over HTTP puts it. */
function paramsOf(request: HTTPGraphQLRequest): Params {
  let fields: Record<string, unknown>;
  if (request.method === "GET") {
    const search = new URLSearchParams(request.search);
    let variables: unknown;
    try {
      variables = search.has("variables") ? JSON.parse(search.get("variables")!) : undefined;
    } catch {
      throw badRequest("The variables parameter is not valid JSON.");
    }
    fields = { query: search.get("query") ?? undefined, operationName: search.get("operationName") ?? undefined, variables };
  } else if (request.method === "POST") {
    if (!/^application\/(.+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
      throw badRequest("A streamed operation is a POST with Content-Type: application/json (or a GET with the operation in the query string).");
    }
    if (Array.isArray(request.body)) throw badRequest("Operation batching is not served: send one operation per request.");
    if (!isRecord(request.body)) throw badRequest("The body must be one JSON object: { query, variables?, operationName? }.");
    fields = request.body;
  } else {
    throw new Refusal(RequestCode.BAD_REQUEST, "Streams are requested with POST (or GET).", { status: 405, headers: { allow: "GET, POST" } });
  }
  const { query, operationName, variables } = fields;
  if (typeof query !== "string" || query === "") throw badRequest("The request has no query text: send the document as `query` (persisted queries are not served on streams).");
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") throw badRequest("operationName must be a string.");
  if (variables !== undefined && variables !== null && !isRecord(variables)) throw badRequest("variables must be a JSON object.");
  return { query, operationName: operationName ?? undefined, variables: variables ?? undefined };
}

/** An operation that passed steps 2 and 3. */
interface Admitted {
  params: Params;
  document: DocumentNode;
  type: string;
  /** Frees the subscription's cap (nothing for a query or a mutation). */
  release: () => void;
}

const SHUTDOWN_ERROR: GraphQLFormattedError = {
  message: "The gateway is shutting down: subscribe again (another replica, or this one once it is back, will serve you).",
  extensions: { code: ErrorCode.SHUTTING_DOWN },
};

export function createStreamDoor(options: StreamDoorOptions): StreamDoor {
  const { pipeline, log } = options;
  const keepAliveMs = options.keepAliveMs ?? 12_000;
  /** How to end each open subscription's stream at shutdown. */
  const subscriptions = new Set<() => void>();
  let closing = false;

  function formatted(result: ExecutionResult, codes: string[]): FormattedExecutionResult {
    if (result.errors === undefined || result.errors.length === 0) return result as FormattedExecutionResult;
    const errors = result.errors.map((error) => pipeline.formatError(error.toJSON(), error));
    codes.push(...errors.map((error) => String(error.extensions?.code)));
    return { ...(result.data === undefined ? {} : { data: result.data }), errors, ...(result.extensions === undefined ? {} : { extensions: result.extensions }) };
  }

  /** Steps 2 and 3, before any byte of the stream: what to run, or a Refusal. */
  function admit(context: GatewayContext, request: HTTPGraphQLRequest, seen: { params?: Params; operationType?: string }): Admitted {
    if (closing) throw new Refusal(ErrorCode.SHUTTING_DOWN, SHUTDOWN_ERROR.message, { status: 503 });
    const params = (seen.params = paramsOf(request));
    const { document, operation } = pipeline.admitOperation(context, { source: params.query, operationName: params.operationName, variables: params.variables, streams: true });
    if (operation === undefined) throw badRequest("The document names no operation to run: send operationName.");
    const type = (seen.operationType = operation.operation);
    if (type === "mutation" && request.method === "GET") {
      throw new Refusal(RequestCode.BAD_REQUEST, "Mutations are sent with POST, never GET.", { status: 405, headers: { allow: "POST" } });
    }
    const release = type === "subscription" ? pipeline.openSubscription(context, undefined) : () => {};
    return { params, document, type, release };
  }

  async function run(framing: Framing, res: ServerResponse, caller: Caller, request: HTTPGraphQLRequest): Promise<void> {
    const startedAt = process.hrtime.bigint();
    const context = pipeline.createContext({ ...caller, door: framing.door });
    const seen: { params?: Params; operationType?: string } = {};
    let admitted: Admitted;
    try {
      admitted = admit(context, request, seen);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      sendRefusal(res, error);
      pipeline.record(context, { operationName: seen.params?.operationName, operationType: seen.operationType, executed: false, codes: [error.code], startedAt });
      return;
    }
    const { params, document, type, release } = admitted;

    const codes: string[] = [];
    let ended = false;
    let stopIterating = () => {};
    const write = (text: string) => {
      if (!ended) res.write(text);
    };
    const end = (error?: GraphQLFormattedError) => {
      if (ended) return;
      res.end(framing.end(error));
      ended = true;
    };
    const shutDown = () => {
      codes.push(ErrorCode.SHUTTING_DOWN);
      end(SHUTDOWN_ERROR);
      stopIterating();
    };
    if (type === "subscription") subscriptions.add(shutDown);
    res.writeHead(200, { "content-type": framing.contentType, "cache-control": "no-cache, no-store, no-transform", "x-accel-buffering": "no" });
    res.write(framing.open);
    const pinger = setInterval(() => write(framing.ping), keepAliveMs);
    // The client went away (or the connection was cut): the operation ends, freeing its cap.
    res.once("close", () => {
      ended = true;
      stopIterating();
    });
    try {
      const args = { schema: pipeline.schema(), document, operationName: params.operationName, variableValues: params.variables, contextValue: context };
      const outcome = type === "subscription" ? await subscribe(args) : await execute(args);
      if (Symbol.asyncIterator in outcome) {
        stopIterating = () => void outcome.return?.();
        if (ended) stopIterating();
        for await (const result of outcome) write(framing.result(formatted(result, codes)));
      } else {
        write(framing.result(formatted(outcome, codes)));
      }
      end();
    } catch (error) {
      log.error({ requestId: context.requestId, door: framing.door, err: error }, "stream failed");
      codes.push(ErrorCode.INTERNAL_SERVER_ERROR);
      end({ message: "Internal server error", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: context.requestId } });
    } finally {
      clearInterval(pinger);
      release();
      subscriptions.delete(shutDown);
      pipeline.record(context, { operationName: params.operationName, operationType: type, executed: true, codes, startedAt });
    }
  }

  return {
    async serve(res, caller, request) {
      const framing = streamFramingOf(request.headers.get("accept"));
      if (framing === undefined) return false;
      await run(framing, res, caller, request);
      return true;
    },
    async close() {
      closing = true;
      for (const shutDown of [...subscriptions]) shutDown();
    },
  };
}
