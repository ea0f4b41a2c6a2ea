// The operator's routes: /healthz (the process answers), /readyz (it can do its job: configuration
// loaded, AWS credentials resolvable, Cloud Control reachable), /metrics (Prometheus text). None needs
// credentials: probes and scrapers carry none. Readiness is cached briefly so that a probe every
// second costs at most one Cloud Control call per cache period.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { HttpRoute as Route } from "./respond.js";
import { pathOf, sendBody, sendText } from "./respond.js";

function readOnly(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "GET" || req.method === "HEAD") return true;
  sendText(req, res, 405, "Method Not Allowed\n", { Allow: "GET, HEAD" });
  return false;
}

export function healthRoute(): Route {
  return (req, res) => {
    if (pathOf(req) !== "/healthz") return false;
    if (readOnly(req, res)) sendBody(req, res, 200, "application/json; charset=utf-8", JSON.stringify({ status: "ok" }));
    return true;
  };
}

/** Each check resolves to "ok" or a short reason (no AWS message, no ARN). */
export type ReadinessChecks = () => Promise<Record<string, string>>;

export interface ReadinessOptions {
  checks: ReadinessChecks;
  /** How long one answer is reused. Default 5 s. */
  cacheMs?: number;
  now?: () => number;
}

export function readinessRoute(options: ReadinessOptions): Route {
  const cacheMs = options.cacheMs ?? 5000;
  const now = options.now ?? Date.now;
  let cached: { at: number; result: Promise<Record<string, string>> } | undefined;
  const checks = (): Promise<Record<string, string>> => {
    if (cached === undefined || now() - cached.at >= cacheMs) {
      // Concurrent probes share one round of checks.
      cached = { at: now(), result: options.checks().catch((error: unknown) => ({ checks: `failed: ${(error as Error).name || "Error"}` })) };
    }
    return cached.result;
  };
  return async (req, res) => {
    if (pathOf(req) !== "/readyz") return false;
    if (!readOnly(req, res)) return true;
    const results = { config: "ok", ...(await checks()) };
    const ready = Object.values(results).every((value) => value === "ok");
    sendBody(req, res, ready ? 200 : 503, "application/json; charset=utf-8", JSON.stringify({ status: ready ? "ready" : "not ready", checks: results }));
    return true;
  };
}

export function metricsRoute(registry: Registry): Route {
  return async (req, res) => {
    if (pathOf(req) !== "/metrics") return false;
    if (readOnly(req, res)) sendBody(req, res, 200, registry.contentType, await registry.metrics());
    return true;
  };
}
