// The deadline of one GraphQL operation (OPERATION_TIMEOUT_MS) as an AbortSignal: every Cloud Control
// call of the operation watches it, while queued in the pacer and while on the wire. It also carries
// the operation's lane of the pacer's queues (lanes.ts), when the caller names one.
import { setMaxListeners } from "node:events";
import { assignLane } from "./lanes.js";

export function operationDeadline(timeoutMs: number, lane?: string): AbortSignal {
  // AbortSignal.timeout's timer is unref'd: a finished operation leaves nothing that holds the process.
  const signal = AbortSignal.timeout(timeoutMs);
  // One listener per call in flight or queued: a wide query legitimately has hundreds at once.
  setMaxListeners(0, signal);
  return lane === undefined ? signal : assignLane(signal, lane);
}
