// Waiters in lanes, served round-robin: one waiter of each lane per turn, each lane in arrival order.
// The pacer's two queues (the in-flight cap and the per-region token bucket) keep their waiters here,
// so one caller's flood of calls delays another caller's call by one grant per other waiting lane,
// not by the whole flood. With a single lane it is a plain FIFO queue.

/** The lane of waiters that name none: they share it, in arrival order. */
export const DEFAULT_LANE = "default";

export class LaneQueue<T> {
  /** Lanes with waiters; the Map's insertion order is the rotation, its first entry has the next turn. */
  private readonly lanes = new Map<string, Set<T>>();
  private count = 0;

  /** Waiters in every lane. */
  get size(): number {
    return this.count;
  }

  /** Lanes that have a waiter now. */
  get activeLanes(): number {
    return this.lanes.size;
  }

  /** Queues `item` at the back of its lane; a lane that had no waiter joins the rotation last. */
  push(lane: string, item: T): void {
    let waiters = this.lanes.get(lane);
    if (waiters === undefined) {
      waiters = new Set();
      this.lanes.set(lane, waiters);
    }
    waiters.add(item);
    this.count++;
  }

  /** The first waiter of the lane whose turn it is; that lane then goes to the back of the rotation. */
  shift(): T | undefined {
    const next = this.lanes.entries().next();
    if (next.done === true) return undefined;
    const [lane, waiters] = next.value;
    const item = waiters.values().next().value as T;
    waiters.delete(item);
    this.count--;
    this.lanes.delete(lane);
    if (waiters.size > 0) this.lanes.set(lane, waiters);
    return item;
  }

  /** Takes a waiter out of its lane (its signal aborted). False when it was not queued there. */
  delete(lane: string, item: T): boolean {
    const waiters = this.lanes.get(lane);
    if (waiters === undefined || !waiters.delete(item)) return false;
    this.count--;
    if (waiters.size === 0) this.lanes.delete(lane);
    return true;
  }
}

/** A caller waiting in a lane: granted its turn or refused, it stops listening to its signal. */
export interface LaneWaiter {
  readonly signal: AbortSignal | undefined;
  grant(): void;
  refuse(reason: unknown): void;
}

/**
 * Queues a waiter in `lane` and settles when one taken from the queue is granted (or refused). If
 * `signal` aborts first, the waiter leaves its lane and the promise rejects with the signal's reason.
 */
export function waitInLane(queue: LaneQueue<LaneWaiter>, lane: string, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      queue.delete(lane, waiter);
      reject(signal?.reason);
    };
    const waiter: LaneWaiter = {
      signal,
      grant() {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      refuse(reason) {
        signal?.removeEventListener("abort", onAbort);
        reject(reason);
      },
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    queue.push(lane, waiter);
  });
}
