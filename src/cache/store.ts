// Where cached route responses live: the process's memory (lru-cache) or Redis through Keyv, which
// replicas share. Both speak the same four calls, so the cache's logic is written once.
import { createClient, createKeyv } from "@keyv/redis";
import type { Keyv } from "keyv";
import { LRUCache } from "lru-cache";
import { CacheUnavailableError, createBreaker } from "./breaker.js";

export interface CacheStore {
  /** Values in key order; undefined for absent or expired keys. */
  getMany(keys: readonly string[]): Promise<Array<unknown>>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

export function memoryStore(maxEntries: number): CacheStore {
  // Values are never undefined here (the cache stores objects and strings); `{}` satisfies the bound.
  const lru = new LRUCache<string, object | string>({ max: maxEntries, ttlAutopurge: false });
  return {
    async getMany(keys) {
      return keys.map((key) => lru.get(key));
    },
    async set(key, value, ttlMs) {
      lru.set(key, value as object | string, { ttl: ttlMs });
    },
    async delete(key) {
      lru.delete(key);
    },
    async close() {
      lru.clear();
    },
  };
}

export interface RedisStoreOptions {
  url: string;
  /** Prefix of every key, so the gateway can share a Redis with others. */
  namespace?: string;
  /** Where Redis's errors go (at most one a minute); without a listener Keyv would throw them at nobody. */
  onError: (error: unknown) => void;
  /** Redis answers again after it failed (at most one report a minute). */
  onRecovered?: () => void;
  /** How long one Redis call (or connection attempt) may take before it counts as failed. Default 1000 ms. */
  timeoutMs?: number;
}

/** Once a minute is enough to act on, whatever the rate of failures. */
function oncePerMinute<A extends unknown[]>(report: (...args: A) => void): (...args: A) => void {
  let last = -Infinity;
  return (...args) => {
    if (performance.now() - last < 60_000) return;
    last = performance.now();
    report(...args);
  };
}

export function redisStore(options: RedisStoreOptions): CacheStore {
  // Errors become cache misses (logged), not failed reads: Cloud Control stays the source of truth.
  // Nothing waits for Redis longer than the bound: no command is queued while the connection is down
  // (disableOfflineQueue: it fails at once), a connection attempt gives up after the bound, and the
  // breaker bounds each call and, once one failed, fails the next at once until Redis answers again.
  const timeoutMs = options.timeoutMs ?? 1000;
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    // A stall can hold what was sent before the breaker opened, no more; this is the safety net.
    commandsQueueMaxLength: 10_000,
    socket: { connectTimeout: timeoutMs, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
  const keyv: Keyv = createKeyv(client as Parameters<typeof createKeyv>[0], {
    namespace: options.namespace ?? "routeresponse-gateway",
    throwOnErrors: true,
  });
  // The client reports every failed command and reconnect attempt.
  const reportError = oncePerMinute(options.onError);
  keyv.on("error", reportError);
  const breaker = createBreaker({
    timeoutMs,
    retryMs: timeoutMs,
    probe: () => client.ping(),
    onOpen: reportError,
    onClose: oncePerMinute(options.onRecovered ?? (() => {})),
  });
  // Connected here, once, rather than by Keyv on first use: the client then reconnects by itself
  // (isOpen stays true), and Keyv never starts a connection attempt of its own per call. Calls made
  // before the first connection wait for it (within their bound); later outages fail them at once.
  const connected = client.connect();
  connected.catch(() => {});
  const call = <T>(command: () => Promise<T>): Promise<T> =>
    breaker.run(async () => {
      await connected;
      // Closed meanwhile: Keyv would open the client again, and keep a closed gateway's process alive.
      if (!client.isOpen) throw new CacheUnavailableError("the cache is closed");
      return command();
    });
  return {
    getMany: (keys) => call(() => keyv.getMany([...keys])),
    async set(key, value, ttlMs) {
      await call(() => keyv.set(key, value, ttlMs));
    },
    async delete(key) {
      await call(() => keyv.delete(key));
    },
    async close() {
      breaker.stop();
      // Not QUIT, which would wait for a paused server: the HTTP requests have drained by now.
      if (client.isOpen) client.destroy();
    },
  };
}
