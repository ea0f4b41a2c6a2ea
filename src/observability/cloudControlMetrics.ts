// Feeds the Cloud Control metrics from the SDK middleware's observations (cloudcontrol/instrument.ts).
import type { CloudControlObserver } from "../cloudcontrol/instrument.js";
import type { Metrics } from "./metrics.js";

const THROTTLING_NAMES: ReadonlySet<string> = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded"]);

export function cloudControlMetricsObserver(metrics: Metrics): CloudControlObserver {
  return {
    callEnded(operation, outcome, seconds, attempts) {
      metrics.cloudControlRequests.inc({ operation, outcome });
      metrics.cloudControlDuration.observe({ operation }, seconds);
      if (attempts > 1) metrics.cloudControlRetries.inc({ operation }, attempts - 1);
    },
    attemptFailed(operation, errorName) {
      if (THROTTLING_NAMES.has(errorName)) metrics.cloudControlThrottles.inc({ operation });
    },
  };
}
