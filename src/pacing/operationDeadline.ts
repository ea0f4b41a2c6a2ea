// The deadline of one GraphQL operation (OPERATION_TIMEOUT_MS) as an AbortSignal: every Cloud Control
// call of the operation watches it, while queued in the pacer and while on the wire.
import { setMaxListeners } from "node:events";

export function operationDeadline(timeoutMs: number): AbortSignal {
  // AbortSignal.timeout's timer is unref'd: a finished operation leaves nothing that holds the process.
  const signal = AbortSignal.timeout(timeoutMs);
  // One listener per call in flight or queued: a wide query legitimately has hundreds at once.
  setMaxListeners(0, signal);
  return signal;
}
