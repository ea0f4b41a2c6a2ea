// At most `limit` tasks at once; the rest wait in lanes served round-robin (laneQueue.ts), in order
// within each lane. A waiter whose signal aborts leaves the queue (an operation past its deadline
// must not hold a place, nor later take a slot it no longer needs).
import { DEFAULT_LANE, LaneQueue, waitInLane } from "./laneQueue.js";
import type { LaneWaiter } from "./laneQueue.js";

export class Semaphore {
  private active = 0;
  private readonly queue = new LaneQueue<LaneWaiter>();

  constructor(readonly limit: number) {
    if (!(Number.isInteger(limit) && limit >= 1)) {
      throw new TypeError(`A semaphore's limit must be an integer of at least 1, but got: ${String(limit)}.`);
    }
  }

  /** Tasks running now. */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for a slot now. */
  get waiting(): number {
    return this.queue.size;
  }

  /** Runs `task` once a slot is free; while all are taken it waits in `lane` (the default lane when none). */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal, lane: string = DEFAULT_LANE): Promise<T> {
    signal?.throwIfAborted();
    // A slot handed over by release() is counted in `active` already.
    if (this.active >= this.limit) await waitInLane(this.queue, lane, signal);
    else this.active++;
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** The slot passes straight to the next waiter, so a newcomer cannot jump the queue. */
  private release(): void {
    const next = this.queue.shift();
    if (next) next.grant();
    else this.active--;
  }
}
