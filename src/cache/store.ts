// Where cached route responses live: the process's memory (lru-cache) or Redis through Keyv, which
// replicas share. Both speak the same four calls, so the cache's logic is written once.
import { createKeyv } from "@keyv/redis";
import type { Keyv } from "keyv";
import { LRUCache } from "lru-cache";

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
  /** Where Redis's connection errors go; without a listener Keyv would throw them at nobody. */
  onError: (error: unknown) => void;
  /** How long one Redis call may take before it counts as failed. Default 1000 ms. */
  timeoutMs?: number;
}

export function redisStore(options: RedisStoreOptions): CacheStore {
  // Errors become cache misses (logged), not failed reads: Cloud Control stays the source of truth.
  // Bounded waits: while Redis is down each read gives up on it after the timeout and asks AWS.
  const keyv: Keyv = createKeyv(options.url, {
    namespace: options.namespace ?? "routeresponse-gateway",
    throwOnConnectError: false,
    throwOnErrors: true,
    connectionTimeout: options.timeoutMs ?? 1000,
  });
  // The client reports every reconnect attempt: once a minute in the log is enough to act on.
  let lastReported = -Infinity;
  keyv.on("error", (error: unknown) => {
    if (performance.now() - lastReported < 60_000) return;
    lastReported = performance.now();
    options.onError(error);
  });
  return {
    async getMany(keys) {
      return keyv.getMany([...keys]);
    },
    async set(key, value, ttlMs) {
      await keyv.set(key, value, ttlMs);
    },
    async delete(key) {
      await keyv.delete(key);
    },
    async close() {
      await keyv.disconnect();
    },
  };
}
