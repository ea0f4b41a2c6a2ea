// One Redis connection that never makes its callers wait past a bound: nothing is queued while it
// is down (disableOfflineQueue), a connection attempt gives up after the bound, it reconnects by
// itself, and a breaker (breaker.ts) bounds each call and, once one failed or overran, fails the next
// at once until a PING is answered again. The cache (store.ts) and what replicas share
// (src/replicas/redis.ts) each hold one. The Redis client (@keyv/redis and @redis/client, about 400
// files) is loaded only when a connection is made: a gateway without REDIS_URL never loads it.
import type { createClient } from "@keyv/redis";
import type { Breaker } from "./breaker.js";
import { CacheUnavailableError, createBreaker } from "./breaker.js";

export interface GuardedRedisOptions {
  url: string;
  /** REDIS_TIMEOUT_MS: the longest one call (or the connection attempt) may take. */
  timeoutMs: number;
  /** Failed or overran (reported at most once a minute, connection errors included). */
  onError: (error: unknown) => void;
  /** Answers again after it failed. */
  onRecovered?: () => void;
  /** What the connection is for, in the error of a call made after close. */
  purpose: string;
}

function connectionTo(create: typeof createClient, url: string, timeoutMs: number) {
  return create({
    url,
    disableOfflineQueue: true,
    // A stall can hold what was sent before the breaker opened, no more; this is the safety net.
    commandsQueueMaxLength: 10_000,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
}

export type RedisClient = ReturnType<typeof connectionTo>;

export interface GuardedRedis {
  /** The connection; only inside `call` (before the first call it may not be loaded yet). */
  readonly client: RedisClient;
  /** Runs `command` within the bound, or rejects at once while Redis is known to be away. */
  call<T>(command: () => Promise<T>): Promise<T>;
  /** The rate-limited error report, for other emitters on the same connection (Keyv). */
  readonly reportError: (error: unknown) => void;
  /** Stops the breaker and drops the connection (not QUIT, which would wait for a paused server). */
  close(): void;
}

/** Once a minute is enough to act on, whatever the rate of failures. */
export function oncePerMinute<A extends unknown[]>(report: (...args: A) => void): (...args: A) => void {
  let last = -Infinity;
  return (...args) => {
    if (performance.now() - last < 60_000) return;
    last = performance.now();
    report(...args);
  };
}

export function createGuardedRedis(options: GuardedRedisOptions): GuardedRedis {
  const { timeoutMs } = options;
  const reportError = oncePerMinute(options.onError);
  let client: RedisClient | undefined;
  let closed = false;
  const closedError = () => new CacheUnavailableError(`the ${options.purpose} is closed`);
  // Connected here, once: the client then reconnects by itself (isOpen stays true). Calls made
  // before the first connection wait for it (within their bound); later outages fail them at once.
  const connected = import("@keyv/redis").then(async ({ createClient }) => {
    if (closed) throw closedError();
    client = connectionTo(createClient, options.url, timeoutMs);
    client.on("error", reportError);
    await client.connect();
  });
  connected.catch(() => {});
  const connection = (): RedisClient => {
    if (client === undefined) throw closedError();
    return client;
  };
  const breaker: Breaker = createBreaker({
    timeoutMs,
    retryMs: timeoutMs,
    // Not loaded yet counts as not answering: the breaker asks again later.
    probe: async () => {
      await connection().ping();
    },
    onOpen: reportError,
    onClose: options.onRecovered ?? (() => {}),
  });
  return {
    get client() {
      return connection();
    },
    reportError,
    call: (command) =>
      breaker.run(async () => {
        await connected;
        // Closed meanwhile: a caller (Keyv) would open the client again and keep the process alive.
        if (client?.isOpen !== true) throw closedError();
        return command();
      }),
    close() {
      closed = true;
      breaker.stop();
      if (client?.isOpen === true) client.destroy();
    },
  };
}
