// The node:http adapter's two helpers: the path of a request, and the one way an error is written
// as a GraphQL-shaped JSON body. Every route of src/http/ uses these, so a refusal looks the same
// whichever route wrote it.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Refusal } from "../pipeline/index.js";
import { REQUEST_ID_HEADER } from "./requestId.js";

/** The path of a request target, undecoded: names are matched exactly, so `%2e%2e` is just unknown. */
export function pathOf(req: IncomingMessage): string {
  const target = req.url ?? "/";
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  headers?: Readonly<Record<string, string>>;
  extensions?: Readonly<Record<string, string | number>>;
}

/**
 * Writes `{ errors: [{ message, extensions: { code } }] }` with the status; an INTERNAL_SERVER_ERROR
 * carries the request id, so a user's report finds the logged cause. When the answer has begun
 * already, the connection is cut instead: a half-written body must not look complete.
 */
export function sendError(res: ServerResponse, error: ErrorBody): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = res.getHeader(REQUEST_ID_HEADER);
  const extensions: Record<string, string | number> = { ...error.extensions, code: error.code };
  if (error.code === "INTERNAL_SERVER_ERROR" && typeof requestId === "string") extensions.requestId = requestId;
  res.statusCode = error.status;
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

/** A pipeline refusal as an HTTP answer. */
export function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  sendError(res, { status: refusal.status, code: refusal.code, message: refusal.message, headers: refusal.headers, extensions: refusal.extensions });
}

/** One of the adapter's routes: true when it answered the request, false to let the next one try. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** A whole answer that no cache may keep (operator routes, the IDE's refusals); HEAD gets no body. */
export function sendBody(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string, headers: Readonly<Record<string, string>> = {}): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Content-Type", contentType);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(req.method === "HEAD" ? undefined : body);
}

/** A plain-text answer, never cached. */
export function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Readonly<Record<string, string>> = {}): void {
  sendBody(req, res, status, "text/plain; charset=utf-8", text, headers);
}
