// At most `limit` tasks run at once; the others wait in FIFO order. Bounds how many Cloud Control
// calls one GraphQL request has in flight, so a wide query cannot burst past AWS's rate limits.

export interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
}

function getValidLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new TypeError(`A semaphore's limit must be an integer of at least 1, but got: ${String(limit)}.`);
  }
  return limit;
}

export function createSemaphore(limit: number): Semaphore {
  const max = getValidLimit(limit);
  let active = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    active -= 1;
    const next = waiting.shift();
    if (next) next();
  };

  return {
    get active() {
      return active;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      active += 1;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
