// The node:http adapter: turns an IncomingMessage into Apollo's HTTPGraphQLRequest and writes the
// answer back (what startStandaloneServer does, without its CORS and body-parser dependencies, so
// later routes such as /healthz, /metrics and a GraphiQL page can share the port).
import type { ApolloServer, HTTPGraphQLRequest } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ContextRequest, GatewayContext } from "../context.js";
import type { GatewayLogger } from "../errors.js";

export interface GraphQLHandlerOptions {
  /** Default `/graphql`. */
  path?: string;
  /** Larger bodies are answered 413. Default 1 MiB: GraphQL documents and variables are small. */
  maxBodyBytes?: number;
  logger?: GatewayLogger;
}

export interface GraphQLEndpoint {
  apollo: ApolloServer<GatewayContext>;
  createContext: (request?: ContextRequest) => Promise<GatewayContext>;
  /** Runs before the body is read (authentication): what the context needs, or undefined once it answered. */
  admit?: (req: IncomingMessage, res: ServerResponse) => Promise<ContextRequest | undefined>;
  /** Used when the options give no maxBodyBytes. */
  maxBodyBytes?: number;
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

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  sendJson(res, problem.status, { errors: [{ message: problem.message, extensions: { code: problem.code } }] });
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) throw new HttpProblem(413, "BAD_REQUEST", `The request body is larger than ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpProblem(413, "BAD_REQUEST", `The request body is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function toGraphQLRequest(req: IncomingMessage, url: URL, maxBodyBytes: number): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = (req.method ?? "GET").toUpperCase();
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
  return { method, headers, search: url.search, body };
}

export function createGraphQLHandler(endpoint: GraphQLEndpoint, options: GraphQLHandlerOptions = {}) {
  const path = options.path ?? "/graphql";
  const maxBodyBytes = options.maxBodyBytes ?? endpoint.maxBodyBytes ?? 1024 * 1024;
  const logger = options.logger ?? console;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://gateway.invalid");
    if (url.pathname !== path) {
      sendProblem(res, new HttpProblem(404, "NOT_FOUND", `Nothing here: GraphQL is at ${path}.`));
      return;
    }
    // Credentials are checked before the body is read: refusing a caller costs no read and no parse.
    const admitted = endpoint.admit ? await endpoint.admit(req, res) : {};
    if (admitted === undefined) return;
    const httpGraphQLRequest = await toGraphQLRequest(req, url, maxBodyBytes);
    const response = await endpoint.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => endpoint.createContext(admitted) });
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
        sendProblem(res, error);
        return;
      }
      logger.error("HTTP handler failed", error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // The request id (set by the gateway's first route) lets a user's report find the logged cause.
      const requestId = res.getHeader("x-request-id");
      const extensions = { code: "INTERNAL_SERVER_ERROR", ...(typeof requestId === "string" ? { requestId } : {}) };
      sendJson(res, 500, { errors: [{ message: "Internal server error", extensions }] });
    });
  };
}
