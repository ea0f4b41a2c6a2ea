// Every request gets an id: the caller's `x-request-id` when it is a sane token (a load balancer's or
// a frontend's, so logs join up across hops), otherwise a fresh UUID. Anything else a caller sends
// there (long strings, spaces, control characters) would end up in logs and headers, so it is replaced.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";
const SANE_REQUEST_ID = /^[\w.:+/=-]{1,128}$/;

export function requestIdFrom(incoming: string | readonly string[] | undefined): string {
  return typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

const assigned = new WeakMap<IncomingMessage, string>();

/** The id the prelude gave this request; a fresh one if it never passed the prelude. */
export function requestIdOf(req: IncomingMessage): string {
  let id = assigned.get(req);
  if (id === undefined) {
    id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    assigned.set(req, id);
  }
  return id;
}
