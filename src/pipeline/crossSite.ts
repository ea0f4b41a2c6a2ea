// CSRF prevention, in place of Apollo's (which refuses every GET without a special header, so urql's
// default GET queries failed). What a page on another site can make a browser send without asking
// the gateway first (a CORS preflight) is a "simple" request: GET, HEAD or POST with safelisted
// headers only. Here:
//
//   - A POST must be JSON to be read as an operation (every door refuses other bodies), and a JSON
//     Content-Type makes browsers preflight it: nothing to check.
//   - Credentials travel only in headers (Authorization, the API-key header), never in cookies, and
//     browsers preflight any request that carries them: a simple request has none. With
//     authentication on it is refused as unauthenticated; only with AUTH_MODE=off (a gateway inside
//     a network, reached from an employee's browser) would it be served.
//   - So a simple GET (queries and subscriptions only: mutations are never served over GET) is
//     served when the browser says it is not cross-site: `Origin` is the gateway's own or one that
//     CORS_ORIGINS allows, or `Sec-Fetch-Site` is `same-origin` or `none` (typed in, bookmarked).
//     When the browser says it comes from another site, it is refused with CROSS_SITE_REQUEST.
//     A request with neither header is not a browser's (curl, a server, a Node client) or comes from
//     one too old to say; it is served.
import type { HeaderValues } from "../auth/index.js";
import { single } from "../auth/index.js";
import { ErrorCode } from "../errors.js";
import { Refusal } from "./refusal.js";

/** Headers outside the Fetch standard's safelist: a browser sends none of them without a preflight. */
const PREFLIGHTED_HEADERS = ["authorization", "x-api-key", "apollo-require-preflight", "x-apollo-operation-name", "x-request-id"] as const;
/** The Content-Types a simple request may carry (Fetch standard, "CORS-safelisted request-header"). */
const SIMPLE_CONTENT_TYPES: ReadonlySet<string> = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);

export interface CrossSiteOptions {
  /** CORS_ORIGINS: pages of these origins may call the gateway. */
  isOriginAllowed: (origin: string) => boolean;
}

/** Undefined when the request may be served; otherwise its refusal. `method` is undefined for a WebSocket (its door checks Origin). */
export type CrossSiteCheck = (request: { method?: string | undefined; headers: HeaderValues }) => Refusal | undefined;

/** Whether the request is one a browser may send from any page without a preflight. */
function isSimple(method: string, headers: HeaderValues): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (PREFLIGHTED_HEADERS.some((name) => (single(headers[name]) ?? "") !== "")) return false;
  const contentType = single(headers["content-type"]);
  return contentType === undefined || SIMPLE_CONTENT_TYPES.has(contentType.split(";", 1)[0]!.trim().toLowerCase());
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

export function createCrossSiteCheck(options: CrossSiteOptions): CrossSiteCheck {
  return ({ method, headers }) => {
    if (method === undefined || !isSimple(method.toUpperCase(), headers)) return undefined;
    const origin = single(headers.origin);
    const site = single(headers["sec-fetch-site"])?.toLowerCase();
    let from: string;
    if (origin !== undefined) {
      if (isSameOrigin(origin, single(headers.host)) || options.isOriginAllowed(origin)) return undefined;
      from = `Origin ${origin.slice(0, 200)}`;
    } else if (site !== undefined) {
      if (site === "same-origin" || site === "none") return undefined;
      from = `Sec-Fetch-Site: ${site.slice(0, 20)}`;
    } else {
      return undefined;
    }
    return new Refusal(
      ErrorCode.CROSS_SITE_REQUEST,
      `A page on another site (${from}) sent this ${method.toUpperCase()} without the preflight browsers make for requests they protect, so it is refused as a possible cross-site request forgery. Send it as a POST with Content-Type: application/json, or with the header apollo-require-preflight: true, or from a page whose origin CORS_ORIGINS lists.`,
      { status: 403 },
    );
  };
}
