// The HTTP door: turns an IncomingMessage into Apollo's HTTPGraphQLRequest and writes the answer
// back (what startStandaloneServer does, without its CORS and body-parser dependencies, so the
// IDE, /healthz and /metrics share the port). Step 1 of the pipeline runs before the body is read;
// the other steps run inside Apollo (src/pipeline/apollo.ts), or in the streaming door (streams.ts)
// when the request's Accept asks for a stream.
import type { ApolloServer, HTTPGraphQLRequest } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayContext } from "../context.js";
import type { Logger } from "../observability/logger.js";
import type { Caller, OperationPipeline } from "../pipeline/index.js";
import { pathOf, sendError } from "./respond.js";
import type { StreamDoor } from "./streams.js";

export interface GraphQLHandlerOptions {
  apollo: ApolloServer<GatewayContext>;
  pipeline: OperationPipeline;
  /** Step 1: the admitted caller, or undefined once it answered the refusal. */
  admit: (req: IncomingMessage, res: ServerResponse) => Promise<Caller | undefined>;
  /** The GraphQL path. */
  path: string;
  /** The streaming door (SSE, multipart): it serves the requests whose Accept asks for a stream. */
  streams: StreamDoor;
  /** Larger bodies are answered 413 (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  log: Logger;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new HttpProblem(413, "BAD_REQUEST", `The request body is larger than ${limit} bytes.`);
  if (Number(req.headers["content-length"]) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size).toString("utf8")));
    req.once("error", reject);
  });
}

async function toGraphQLRequest(req: IncomingMessage, maxBodyBytes: number): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = (req.method ?? "GET").toUpperCase();
  const target = req.url ?? "/";
  const query = target.indexOf("?");
  let body: unknown;
  if (method === "POST") {
    const text = await readBody(req, maxBodyBytes);
    const isJson = /^application\/(.+\+)?json\b/i.test(headers.get("content-type") ?? "");
    if (isJson && text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpProblem(400, "BAD_REQUEST", "The request body is not valid JSON.");
      }
    } else {
      // Apollo answers a missing or non-JSON body with its own 400, naming what it expects.
      body = text === "" ? undefined : text;
    }
  }
  return { method, headers, search: query === -1 ? "" : target.slice(query).split("#", 1)[0]!, body };
}

export function createGraphQLHandler(options: GraphQLHandlerOptions) {
  const { apollo, pipeline, path, log } = options;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (pathOf(req) !== path) {
      sendError(res, { status: 404, code: "NOT_FOUND", message: `Nothing here: GraphQL is at ${path}.` });
      return;
    }
    const caller = await options.admit(req, res);
    if (caller === undefined) return;
    const httpGraphQLRequest = await toGraphQLRequest(req, options.maxBodyBytes);
    if (await options.streams.serve(res, caller, httpGraphQLRequest)) return;
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => pipeline.createContext(caller) });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpProblem) {
        // An unread rest of the body must not be parsed as the next request on this connection.
        if (error.status === 413) res.setHeader("Connection", "close");
        sendError(res, { status: error.status, code: error.code, message: error.message });
        return;
      }
      log.error({ err: error, requestId: res.getHeader("x-request-id") }, "HTTP handler failed");
      sendError(res, { status: 500, code: "INTERNAL_SERVER_ERROR", message: "Internal server error" });
    });
  };
}
