// The first HTTP route: it gives the request its id, puts the security headers on the response
// before any later route writes it, and records the request in the metrics and the access log once
// the response is finished (health and metrics scrapes log at debug level). The one thing it answers
// itself is a foreign Host (src/pipeline/hostCheck.ts), for every route at once: a DNS-rebinding
// page must read neither /graphql nor /metrics, /readyz, the IDE or anything else served here.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { HostCheck } from "../pipeline/index.js";
import { ErrorCode } from "../errors.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./requestId.js";
import { sendError } from "./respond.js";
import { SCHEMA_PATH } from "./schemaRoute.js";
import type { SecurityHeaderOptions } from "./securityHeaders.js";
import { applySecurityHeaders } from "./securityHeaders.js";

export interface PreludeOptions extends SecurityHeaderOptions {
  log: Logger;
  metrics: Metrics;
  /** The GraphQL path (`/graphql`). */
  graphqlPath: string;
  /** The pipeline's Host check (ALLOWED_HOSTS), applied here to every route. */
  hostCheck: HostCheck;
}

/** A closed set of route labels: a caller's made-up paths must not become metric series. */
export function routeLabel(path: string, graphqlPath: string): string {
  if (path === graphqlPath) return "graphql";
  if (path === "/healthz" || path === "/readyz" || path === "/metrics") return path.slice(1);
  if (path.startsWith("/ide/")) return "ide";
  if (path === "/") return "root";
  if (path === SCHEMA_PATH) return "schema";
  return "other";
}

const QUIET_ROUTES: ReadonlySet<string> = new Set(["healthz", "readyz", "metrics"]);
const METHODS: ReadonlySet<string> = new Set(["GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);

export function createPrelude(options: PreludeOptions) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    applySecurityHeaders(req, res, options);
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (req.url ?? "/").split(/[?#]/, 1)[0] ?? "/";
      const route = routeLabel(path, options.graphqlPath);
      const method = METHODS.has(req.method ?? "") ? (req.method as string) : "OTHER";
      options.metrics.httpRequests.inc({ method, route, status: String(res.statusCode) });
      options.metrics.httpDuration.observe({ method, route }, seconds);
      const record = { requestId, method, route, status: res.statusCode, durationMs: Math.round(seconds * 1000) };
      if (QUIET_ROUTES.has(route)) options.log.debug(record, "http request");
      else options.log.info(record, "http request");
    });
    const foreignHost = options.hostCheck(req.headers.host);
    if (foreignHost === undefined) return false;
    // The body is left unread: the connection ends with the answer.
    res.setHeader("Connection", "close");
    sendError(res, { status: 403, code: ErrorCode.FORBIDDEN, message: foreignHost });
    return true;
  };
}
