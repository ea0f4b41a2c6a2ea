// A token bucket that queues: under a burst, callers wait their turn in order instead of failing.
// Cloud Control throttles at roughly 25-30 calls a second per account and region (reference §2), so
// one bucket per region, shared by every request of the process, keeps the gateway under it.

export interface TokenBucketOptions {
  /** Tokens added per second: the sustained call rate. */
  ratePerSecond: number;
  /** Tokens the bucket holds: how many calls may go at once after a quiet spell. */
  burst: number;
  /** The clock, in milliseconds; injectable for tests. */
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class TokenBucket {
  private readonly rate: number;
  private readonly burst: number;
  private readonly now: () => number;
  private tokens: number;
  private updatedAt: number;
  private readonly queue: Waiter[] = [];
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

  /** Callers waiting for a token now. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Resolves when the caller may make one call; rejects if `signal` aborts first. */
  take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      this.queue.push(waiter);
      this.schedule();
    });
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    const wait = Math.max(0, ((1 - this.tokens) / this.rate) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.queue.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        const waiter = this.queue.shift() as Waiter;
        waiter.signal?.removeEventListener("abort", waiter.onAbort);
        waiter.resolve();
      }
      this.schedule();
    }, Math.ceil(wait));
  }
}
