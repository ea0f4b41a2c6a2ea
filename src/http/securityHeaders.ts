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
function wantsPage(req: IncomingMessage): boolean {
  return req.method === "GET" && /\btext\/html\b/.test(req.headers.accept ?? "");
}

export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityHeaderOptions): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  // JSON never needs to load anything. Pages (the IDE sets its own, stricter policy; Apollo Sandbox
  // loads from Apollo's CDN) get only the framing rule, which every page of the gateway shares.
  res.setHeader("Content-Security-Policy", wantsPage(req) ? "frame-ancestors 'none'" : "default-src 'none'; frame-ancestors 'none'");
  // GraphQL POST answers are about one caller's data at one moment: no cache may keep them.
  if (req.method === "POST") res.setHeader("Cache-Control", "no-store");
  if (options.hstsMaxAgeSeconds !== undefined) res.setHeader("Strict-Transport-Security", `max-age=${options.hstsMaxAgeSeconds}; includeSubDomains`);
}
