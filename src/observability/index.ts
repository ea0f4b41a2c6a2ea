export { cloudControlMetricsObserver } from "./cloudControlMetrics.js";
export { gatewayLoggerOf } from "./gatewayLogger.js";
export { createLogger, REDACTED_PATHS } from "./logger.js";
export type { Logger } from "./logger.js";
export { createMetrics } from "./metrics.js";
export type { Metrics } from "./metrics.js";
export { currentRequestId, inRequest } from "./requestScope.js";
