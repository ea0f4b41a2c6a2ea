// CORS (Fetch standard §3.2) for the GraphQL path, for the origins of the allowlist only. Simple
// and preflighted requests both get `Access-Control-Allow-Origin` with the caller's origin; the
// preflight is answered here, before GraphQL. No credentials mode: the gateway reads credentials
// from headers (Authorization, x-api-key), never from cookies.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ErrorCode } from "../errors.js";
import { pathOf, sendError } from "./respond.js";

export interface CorsOptions {
  /** The GraphQL path; other paths are not the business of cross-origin pages. */
  path: string;
  isOriginAllowed: (origin: string) => boolean;
  /** How long a browser may reuse a preflight answer. Default 600 s (Chromium's cap is 2 h). */
  maxAgeSeconds?: number;
}

/**
 * Request headers a page may send: JSON bodies, credentials, Apollo's CSRF-prevention headers
 * (a GET must carry one), and a request id for tracing.
 */
export const CORS_ALLOWED_HEADERS = ["content-type", "authorization", "x-api-key", "apollo-require-preflight", "x-apollo-operation-name", "x-request-id"] as const;
export const CORS_ALLOWED_METHODS = ["GET", "POST", "OPTIONS"] as const;
/** What a page may read from a response besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = ["x-request-id"];

/**
 * Everything on the GraphQL path depends on these request headers: the CORS answer on Origin, page
 * versus JSON on Accept, the result on the caller's credentials.
 */
export const GRAPHQL_VARY = "Origin, Accept, Authorization, X-Api-Key";

/**
 * A route for the node:http adapter: sets the CORS and Vary headers of GraphQL responses and
 * answers preflights (true); anything else continues to GraphQL (false).
 */
export function createCorsRoute(options: CorsOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const maxAge = String(options.maxAgeSeconds ?? 600);
  return (req, res) => {
    if (pathOf(req) !== options.path) return false;
    res.setHeader("Vary", GRAPHQL_VARY);
    const origin = req.headers.origin;
    const allowed = origin !== undefined && options.isOriginAllowed(origin);
    if (allowed) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS.join(", "));
    }
    if (req.method !== "OPTIONS") return false;
    res.setHeader("Allow", CORS_ALLOWED_METHODS.join(", "));
    res.setHeader("Cache-Control", "no-store");
    const isPreflight = origin !== undefined && req.headers["access-control-request-method"] !== undefined;
    if (isPreflight && !allowed) {
      // No CORS headers: the browser refuses the real request and says why in its console.
      sendError(res, { status: 403, code: ErrorCode.FORBIDDEN, message: `Origin ${origin.slice(0, 200)} is not allowed (CORS_ORIGINS).` });
      return true;
    }
    if (isPreflight) {
      res.setHeader("Access-Control-Allow-Methods", CORS_ALLOWED_METHODS.join(", "));
      res.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS.join(", "));
      res.setHeader("Access-Control-Max-Age", maxAge);
    }
    res.statusCode = 204;
    res.end();
    return true;
  };
}
