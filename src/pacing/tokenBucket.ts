// A token bucket that queues: under a burst, callers wait their turn instead of failing. Cloud Control
// throttles at roughly 25-30 calls a second per account and region (reference §2), so one bucket per
// region, shared by every request of the process, keeps the gateway under it. Waiters queue in lanes
// served round-robin (laneQueue.ts): a caller's flood cannot hold another caller's call behind it.
import { DEFAULT_LANE, LaneQueue, waitInLane } from "./laneQueue.js";
import type { LaneWaiter } from "./laneQueue.js";

export interface TokenBucketOptions {
  /** Tokens added per second: the sustained call rate. */
  ratePerSecond: number;
  /** Tokens the bucket holds: how many calls may go at once after a quiet spell. */
  burst: number;
  /** The clock, in milliseconds; injectable for tests. */
  now?: () => number;
}


export class TokenBucket {
  private readonly rate: number;
  private readonly burst: number;
  private readonly now: () => number;
  private tokens: number;
  private updatedAt: number;
  private readonly queue = new LaneQueue<LaneWaiter>();
  private timer: NodeJS.Timeout | undefined;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) throw new TypeError("ratePerSecond must be above 0.");
    if (!(Number.isInteger(options.burst) && options.burst >= 1)) throw new TypeError("burst must be a whole number, 1 or more.");
    this.rate = options.ratePerSecond;
    this.burst = options.burst;
    this.now = options.now ?? (() => performance.now());
    this.tokens = options.burst;
    this.updatedAt = this.now();
  }

  /** Spends every token held now (the burst included); tokens accrue again at the rate from here. */
  drain(): void {
    this.tokens = 0;
    this.updatedAt = this.now();
  }

  /** Callers waiting for a token now. */
  get waiting(): number {
    return this.queue.size;
  }

  /**
   * Resolves when the caller may make one call; rejects if `signal` aborts first. Callers that must
   * wait do so in `lane` (the default lane when none): each token goes to the next lane in turn.
   */
  take(signal?: AbortSignal, lane: string = DEFAULT_LANE): Promise<void> {
    signal?.throwIfAborted();
    this.refill();
    if (this.queue.size === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    const waiting = waitInLane(this.queue, lane, signal);
    this.schedule();
    return waiting;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
  }

  private schedule(): void {
    if (this.timer || this.queue.size === 0) return;
    const wait = Math.max(0, ((1 - this.tokens) / this.rate) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.queue.size > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        (this.queue.shift() as LaneWaiter).grant();
      }
      this.schedule();
    }, Math.ceil(wait));
  }
}
