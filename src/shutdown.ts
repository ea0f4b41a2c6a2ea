// The gateway's shutdown switch, and the per-operation signals that honour it: each GraphQL
// operation's signal aborts at its deadline (OPERATION_TIMEOUT_MS) or when the gateway shuts down,
// whichever comes first. Built by hand, not with AbortSignal.any (on Node 20 every signal it derives
// from a long-lived one stays referenced by it for good) nor with a timer per operation
// (AbortSignal.timeout or setTimeout: at thousands of operations a second, each held its timer and
// signal for the whole timeout, tens of megabytes at the default 60 s). Operations wait in start
// order behind one timer per timeout value (with one timeout for all, that is also the order their
// deadlines pass), and an operation leaves as soon as it ends (`end`, from the pipeline's last step).
import { setMaxListeners } from "node:events";
import { assignLane } from "./pacing/index.js";

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

/** One operation's signal, and the end of the operation: it then no longer waits for its deadline. */
export interface OperationSignal {
  readonly signal: AbortSignal;
  /** The operation is over: its signal will not abort any more (its calls are done). Idempotent. */
  end(): void;
}

interface Waiting {
  readonly controller: AbortController;
  /** performance.now() at the deadline. */
  readonly at: number;
}

/** The operations of one timeout value, oldest first, behind one unref'd timer set for the oldest. */
class Deadlines {
  private readonly waiting = new Set<Waiting>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly timeoutMs: number) {}

  add(controller: AbortController): Waiting {
    const entry = { controller, at: performance.now() + this.timeoutMs };
    this.waiting.add(entry);
    if (this.timer === undefined) this.arm(this.timeoutMs);
    return entry;
  }

  delete(entry: Waiting): void {
    // The timer stays: when it fires it finds the next oldest (a Set keeps insertion order).
    this.waiting.delete(entry);
  }

  /** Aborts every operation still waiting (the shutdown). */
  abortAll(reason: unknown): void {
    for (const entry of this.waiting) entry.controller.abort(reason);
    this.waiting.clear();
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => this.expire(), Math.max(0, Math.ceil(delayMs)));
    this.timer.unref();
  }

  private expire(): void {
    this.timer = undefined;
    const now = performance.now();
    for (const entry of this.waiting) {
      if (entry.at > now) {
        this.arm(entry.at - now);
        return;
      }
      this.waiting.delete(entry);
      entry.controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    }
  }
}

/**
 * Makes each operation's signal: it aborts when `timeoutMs` passes (reason: a TimeoutError, as
 * AbortSignal.timeout gives) or when `shutdown` aborts (its reason), and carries the operation's
 * lane of the pacer's queues. Undefined when there is neither a timeout nor a shutdown.
 */
export function createOperationSignals(shutdown: AbortSignal | undefined): (timeoutMs: number | undefined, lane?: string) => OperationSignal | undefined {
  const byTimeout = new Map<number, Deadlines>();
  /** Operations without a timeout, for the shutdown alone. */
  const untimed = new Set<AbortController>();
  shutdown?.addEventListener(
    "abort",
    () => {
      for (const deadlines of byTimeout.values()) deadlines.abortAll(shutdown.reason);
      for (const controller of untimed) controller.abort(shutdown.reason);
      untimed.clear();
    },
    { once: true },
  );
  return (timeoutMs, lane) => {
    if (timeoutMs === undefined && shutdown === undefined) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    // One listener per call in flight or queued: a wide query legitimately has hundreds at once.
    setMaxListeners(0, signal);
    if (lane !== undefined) assignLane(signal, lane);
    if (shutdown?.aborted === true) {
      controller.abort(shutdown.reason);
      return { signal, end: () => {} };
    }
    if (timeoutMs === undefined) {
      untimed.add(controller);
      return { signal, end: () => untimed.delete(controller) };
    }
    let deadlines = byTimeout.get(timeoutMs);
    if (deadlines === undefined) {
      deadlines = new Deadlines(timeoutMs);
      byTimeout.set(timeoutMs, deadlines);
    }
    const entry = deadlines.add(controller);
    const owner = deadlines;
    return { signal, end: () => owner.delete(entry) };
  };
}
