// Headers every answer carries. They cost nothing for a JSON API and close the browser-side holes a
// GraphQL endpoint reached from browsers would otherwise leave: MIME sniffing, framing
// (clickjacking the IDE), leaking URLs through Referer. HSTS only when the operator says the gateway
// is reached over TLS: sent over plain HTTP on a laptop it would pin the name to https.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SecurityHeaderOptions {
  /** HSTS_MAX_AGE_SECONDS; undefined sends no Strict-Transport-Security. */
  hstsMaxAgeSeconds?: number | undefined;
}

/** A browser navigating to a page (the IDE): its own route sets the page's full policy. */
function wantsPage(method: string | undefined, accept: string | undefined): boolean {
  return method === "GET" && /\btext\/html\b/.test(accept ?? "");
}

/** The headers for a request of this method and Accept: the node:http door and the Lambda door send the same. */
export function securityHeadersFor(method: string | undefined, accept: string | undefined, options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    // JSON never needs to load anything. Pages (the IDE sets its own, stricter policy; Apollo Sandbox
    // loads from Apollo's CDN) get only the framing rule, which every page of the gateway shares.
    "Content-Security-Policy": wantsPage(method, accept) ? "frame-ancestors 'none'" : "default-src 'none'; frame-ancestors 'none'",
  };
  // GraphQL POST answers are about one caller's data at one moment: no cache may keep them.
  if (method === "POST") headers["Cache-Control"] = "no-store";
  if (options.hstsMaxAgeSeconds !== undefined) headers["Strict-Transport-Security"] = `max-age=${options.hstsMaxAgeSeconds}; includeSubDomains`;
  return headers;
}

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityHeaderOptions): void {
  for (const [name, value] of Object.entries(securityHeadersFor(req.method, req.headers.accept, options))) res.setHeader(name, value);
}
