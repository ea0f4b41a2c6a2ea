// At most `limit` tasks at once; the rest wait in order. A waiter whose signal aborts leaves the queue
// (an operation past its deadline must not hold a place, nor later take a slot it no longer needs).

export class Semaphore {
  private active = 0;
  private readonly queue: (() => void)[] = [];

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
    return this.queue.length;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (this.active >= this.limit) await this.enqueue(signal);
    else this.active++;
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Resolves once a slot was handed over (counted in `active` already). */
  private enqueue(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(grant);
    });
  }

  /** The slot passes straight to the next waiter, so a newcomer cannot jump the queue. */
  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}
