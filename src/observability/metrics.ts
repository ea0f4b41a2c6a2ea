// The gateway's Prometheus metrics, in one registry per gateway instance (tests run several).
// Labels are closed sets (operation names, outcomes, status classes): nothing a caller chooses
// freely becomes a label, so a hostile client cannot blow up the series count.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route and status code.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request.",
      labelNames: ["method", "route"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    graphqlOperations: new Counter({
      name: "graphql_operations_total",
      help: "GraphQL operations, by type and outcome (ok, error, rejected).",
      labelNames: ["type", "outcome"] as const,
      registers,
    }),
    graphqlDuration: new Histogram({
      name: "graphql_operation_duration_seconds",
      help: "Time to execute a GraphQL operation.",
      labelNames: ["type"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    cloudControlRequests: new Counter({
      name: "cloudcontrol_requests_total",
      help: "Cloud Control calls, by operation and outcome (ok or the AWS error name).",
      labelNames: ["operation", "outcome"] as const,
      registers,
    }),
    cloudControlDuration: new Histogram({
      name: "cloudcontrol_request_duration_seconds",
      help: "Cloud Control call latency, retries included.",
      labelNames: ["operation"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    cloudControlThrottles: new Counter({
      name: "cloudcontrol_throttles_total",
      help: "ThrottlingException answers from Cloud Control (each attempt counts).",
      labelNames: ["operation"] as const,
      registers,
    }),
    cloudControlRetries: new Counter({
      name: "cloudcontrol_retries_total",
      help: "Extra attempts the SDK made after a retryable failure.",
      labelNames: ["operation"] as const,
      registers,
    }),
    cloudControlPacingShared: new Gauge({
      name: "cloudcontrol_pacing_shared",
      help: "Which token bucket paces a region's Cloud Control calls: 1 the one replicas share in Redis, 0 the process's fallback (rate / CLOUDCONTROL_REPLICAS).",
      labelNames: ["region"] as const,
      registers,
    }),
    loaderBatchSize: new Histogram({
      name: "dataloader_batch_size",
      help: "Keys per loader batch (resourceRequest, and per resource type its GetResource and listing pages: routeResponse, routeResponsePages, route, ...).",
      labelNames: ["loader"] as const,
      buckets: [1, 2, 5, 10, 20, 50, 100],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
