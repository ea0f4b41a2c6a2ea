// The first HTTP route: it answers nothing itself, but gives the request its id, puts the security
// headers on the response before any later route writes it, and records the request in the metrics
// and the access log once the response is finished. Health and metrics scrapes log at debug level.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import { REQUEST_ID_HEADER, requestIdOf } from "./requestId.js";
import type { SecurityHeaderOptions } from "./securityHeaders.js";
import { applySecurityHeaders } from "./securityHeaders.js";

export interface PreludeOptions extends SecurityHeaderOptions {
  log: Logger;
  metrics: Metrics;
  /** The GraphQL path (`/graphql`). */
  graphqlPath: string;
}

/** A closed set of route labels: a caller's made-up paths must not become metric series. */
export function routeLabel(path: string, graphqlPath: string): string {
  if (path === graphqlPath) return "graphql";
  if (path === "/healthz" || path === "/readyz" || path === "/metrics") return path.slice(1);
  if (path.startsWith("/ide/")) return "ide";
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
    return false;
  };
}
