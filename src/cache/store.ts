// Where cached route responses live: the process's memory (lru-cache) or Redis through Keyv, which
// replicas share. Both speak the same four calls, so the cache's logic is written once.
import type { Keyv } from "keyv";
import { LRUCache } from "lru-cache";
import { createGuardedRedis, oncePerMinute } from "./guardedRedis.js";

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

export function redisStore(options: RedisStoreOptions): CacheStore {
  // Errors become cache misses (logged), not failed reads: Cloud Control stays the source of truth,
  // and nothing waits for Redis longer than the bound (guardedRedis.ts).
  const redis = createGuardedRedis({
    url: options.url,
    timeoutMs: options.timeoutMs ?? 1000,
    onError: options.onError,
    onRecovered: oncePerMinute(options.onRecovered ?? (() => {})),
    purpose: "cache",
  });
  // Made on the first call, once the connection (and with it @keyv/redis) is loaded.
  let keyv: Promise<Keyv> | undefined;
  const store = () =>
    (keyv ??= import("@keyv/redis").then(({ createKeyv }) => {
      const made: Keyv = createKeyv(redis.client as Parameters<typeof createKeyv>[0], {
        namespace: options.namespace ?? "routeresponse-gateway",
        throwOnErrors: true,
      });
      // Keyv relays the client's errors as its own: one rate-limited report for both.
      made.on("error", redis.reportError);
      return made;
    }));
  return {
    getMany: (keys) => redis.call(async () => (await store()).getMany([...keys])),
    async set(key, value, ttlMs) {
      await redis.call(async () => (await store()).set(key, value, ttlMs));
    },
    async delete(key) {
      await redis.call(async () => (await store()).delete(key));
    },
    async close() {
      redis.close();
    },
  };
}
