// Keeps an unreachable or stalled Redis from slowing the gateway down. Every call to it is bounded;
// the first one that fails or overruns opens the breaker, and from then on calls fail at once (the
// cache counts them as misses and asks Cloud Control) instead of each waiting out the bound, and
// nothing piles up behind a server that does not answer. One probe at a time asks whether it is back:
// a dead server refuses it at once (asked again after a while); a paused one (SIGSTOP, a long GC, a
// network stall) answers it when it resumes, after every command it already holds, and the breaker
// closes on that answer.

/** A cache call that was not made or not answered in time; the cache counts it as a miss. */
export class CacheUnavailableError extends Error {
  override readonly name = "CacheUnavailableError";
}

export interface BreakerOptions {
  /** The longest one call may take before it counts as failed. */
  timeoutMs: number;
  /** After a probe failed, how long until the next one. */
  retryMs: number;
  /** One cheap call (PING). Not bounded: against a paused server it waits, and answers when it resumes. */
  probe: () => Promise<unknown>;
  /** The breaker opened, because of `error`. */
  onOpen: (error: unknown) => void;
  /** A probe was answered: the breaker closed. */
  onClose: () => void;
}

export interface Breaker {
  /** `call()`, bounded; or a CacheUnavailableError at once while the breaker is open. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** No more probes; every call fails from now on. */
  stop(): void;
}

export function createBreaker(options: BreakerOptions): Breaker {
  let open = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const probe = () => {
    retry = undefined;
    if (stopped) return;
    Promise.resolve()
      .then(options.probe)
      .then(
        () => {
          if (stopped || !open) return;
          open = false;
          options.onClose();
        },
        () => {
          if (!stopped) retry = setTimeout(probe, options.retryMs).unref();
        },
      );
  };
  const trip = (error: unknown) => {
    if (open || stopped) return;
    open = true;
    options.onOpen(error);
    probe();
  };

  return {
    async run(call) {
      if (stopped) throw new CacheUnavailableError("the cache is closed");
      if (open) throw new CacheUnavailableError("the cache's store did not answer lately; until it does, nothing is sent to it");
      let timer: NodeJS.Timeout | undefined;
      const overrun = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new CacheUnavailableError(`the cache's store did not answer within ${options.timeoutMs} ms`)), options.timeoutMs);
      });
      try {
        return await Promise.race([call(), overrun]);
      } catch (error) {
        trip(error);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
    },
  };
}
