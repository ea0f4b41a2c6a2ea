// The gateway's shutdown switch, and the per-operation signals that honour it: each GraphQL
// operation's signal aborts at its deadline (OPERATION_TIMEOUT_MS) or when the gateway shuts down,
// whichever comes first. Built by hand, not with AbortSignal.any: on Node 20 every signal that
// AbortSignal.any derives from a long-lived one stays referenced by it for good (measured: about
// 30 bytes per operation, never freed). Here a finished operation leaves nothing behind but its
// unref'd deadline timer, as AbortSignal.timeout does.
import { setMaxListeners } from "node:events";
import { assignLane, operationDeadline } from "./pacing/index.js";

/** The process-wide switch: give `signal` to createContextFactory (`shutdown`), call `abort()` to stop. */
export interface Shutdown {
  readonly signal: AbortSignal;
  /** Ends every operation's Cloud Control calls and waits now. Idempotent. */
  abort(): void;
}

export function createShutdown(): Shutdown {
  const controller = new AbortController();
  return { signal: controller.signal, abort: () => controller.abort(new Error("The gateway is shutting down.")) };
}

/** The references to collected signals are swept when the set has doubled since the last sweep. */
const MIN_SWEEP_SIZE = 1024;

/**
 * Makes each operation's signal: it aborts when `timeoutMs` passes (reason: a TimeoutError, as
 * AbortSignal.timeout gives) or when `shutdown` aborts (its reason), and carries the operation's
 * lane of the pacer's queues, as operationDeadline does. Undefined when there is neither.
 */
export function createOperationSignals(shutdown: AbortSignal | undefined): (timeoutMs: number | undefined, lane?: string) => AbortSignal | undefined {
  if (shutdown === undefined) return (timeoutMs, lane) => (timeoutMs === undefined ? undefined : operationDeadline(timeoutMs, lane));
  // Held weakly: a signal nobody uses any more is collected with its controller (a WeakMap value
  // lives as long as its key), and the shutdown reaches those still alive.
  const controllers = new WeakMap<AbortSignal, AbortController>();
  const live = new Set<WeakRef<AbortSignal>>();
  let sweepAt = MIN_SWEEP_SIZE;
  shutdown.addEventListener(
    "abort",
    () => {
      for (const ref of live) {
        const signal = ref.deref();
        if (signal !== undefined) controllers.get(signal)?.abort(shutdown.reason);
      }
      live.clear();
    },
    { once: true },
  );
  return (timeoutMs, lane) => {
    const controller = new AbortController();
    const { signal } = controller;
    // One listener per call in flight or queued: a wide query legitimately has hundreds at once.
    setMaxListeners(0, signal);
    if (lane !== undefined) assignLane(signal, lane);
    if (shutdown.aborted) {
      controller.abort(shutdown.reason);
      return signal;
    }
    controllers.set(signal, controller);
    live.add(new WeakRef(signal));
    if (live.size >= sweepAt) {
      for (const ref of live) if (ref.deref() === undefined) live.delete(ref);
      sweepAt = Math.max(MIN_SWEEP_SIZE, 2 * live.size);
    }
    if (timeoutMs !== undefined) {
      const held = new WeakRef(controller);
      setTimeout(() => held.deref()?.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")), timeoutMs).unref();
    }
    return signal;
  };
}
