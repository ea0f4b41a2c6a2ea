// A region's token bucket when replicas share it (REDIS_URL): the tokens come from a bucket in Redis
// that every replica draws on (src/replicas/gcra.ts), so together they stay under the one Cloud
// Control limit of the account and region. The fair order within the process stays local: waiters
// queue in lanes served round-robin (laneQueue.ts), and the waiter whose turn it is reserves the next
// shared token, sleeps until it is due, and goes; then the next lane's waiter reserves. When Redis is
// slow or gone (the reservation fails within REDIS_TIMEOUT_MS, or at once while the breaker is open),
// the turn takes a token of the local fallback bucket instead (the rate divided by the replicas), never
// none; the next turn tries Redis again, which answers again once the breaker closed.
import { DEFAULT_LANE, LaneQueue, waitInLane } from "./laneQueue.js";
import type { LaneWaiter } from "./laneQueue.js";
import type { TokenBucket } from "./tokenBucket.js";

/** What a region's pacer takes tokens from: the process's own TokenBucket or a SharedTokenBucket. */
export interface RegionBucket {
  take(signal?: AbortSignal, lane?: string): Promise<void>;
  readonly waiting: number;
}

export interface SharedTokenBucketOptions {
  /** Reserves the next shared token; resolves to the milliseconds until it is due. Rejects when the shared bucket cannot answer. */
  reserve: () => Promise<number>;
  /** Tokens while the shared bucket cannot answer. */
  fallback: TokenBucket;
  /** Told which bucket the last token came from (true: the shared one). */
  onSource?: (shared: boolean) => void;
}


/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export class SharedTokenBucket implements RegionBucket {
  private readonly queue = new LaneQueue<LaneWaiter>();
  private serving = false;
  /** Whether the last token came from the shared bucket. */
  private shared = false;

  constructor(private readonly options: SharedTokenBucketOptions) {}

  /** Callers waiting for their turn or their token now. */
  get waiting(): number {
    return this.queue.size + (this.serving ? 1 : 0);
  }

  /** Resolves when the caller may make one call; rejects if `signal` aborts first. */
  take(signal?: AbortSignal, lane: string = DEFAULT_LANE): Promise<void> {
    signal?.throwIfAborted();
    const waiting = waitInLane(this.queue, lane, signal);
    if (!this.serving) void this.serve();
    return waiting;
  }

  /** One turn at a time: each waiter in lane order gets its token (shared, or the fallback's) and goes. */
  private async serve(): Promise<void> {
    this.serving = true;
    try {
      for (let waiter = this.queue.shift(); waiter !== undefined; waiter = this.queue.shift()) {
        try {
          await this.token(waiter.signal);
          waiter.grant();
        } catch (error) {
          waiter.refuse(error);
        }
      }
    } finally {
      this.serving = false;
    }
  }

  private async token(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    let dueInMs: number;
    try {
      dueInMs = await this.options.reserve();
    } catch {
      // Just off the shared bucket, whose tokens went out at the whole rate until now: the fallback
      // starts empty, so the replicas' switch adds no burst on top of what they just spent.
      if (this.shared) this.options.fallback.drain();
      this.shared = false;
      this.options.onSource?.(false);
      return this.options.fallback.take(signal);
    }
    this.shared = true;
    this.options.onSource?.(true);
    await sleep(dueInMs, signal);
  }
}
