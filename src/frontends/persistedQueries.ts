// The store behind automatic persisted queries (APQ): query text by its SHA-256, bounded in bytes,
// least recently used first out. Apollo Server asks for a KeyValueCache (get/set/delete); a miss
// only costs the client one round trip (PERSISTED_QUERY_NOT_FOUND, then it sends the text).
import { LRUCache } from "lru-cache";

export interface PersistedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** At most `maxBytes` of keys and query text (UTF-16, as V8 holds them: 2 bytes a character). */
export function createPersistedQueryStore(maxBytes: number): PersistedQueryStore {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new TypeError(`createPersistedQueryStore needs a positive byte bound, got ${maxBytes}.`);
  const cache = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (value, key) => 2 * (value.length + key.length) });
  return {
    get: (key) => Promise.resolve(cache.get(key)),
    async set(key, value, options) {
      // A query larger than the whole store is simply not kept.
      if (2 * (value.length + key.length) > maxBytes) return;
      const ttl = options?.ttl;
      cache.set(key, value, typeof ttl === "number" && ttl > 0 ? { ttl: ttl * 1000 } : {});
    },
    delete: (key) => Promise.resolve(cache.delete(key)),
  };
}

/** Where replicas share persisted queries (SharedRedis fits): every call may reject when Redis cannot answer in time. */
export interface SharedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface SharedPersistedQueryOptions {
  /** APQ_REDIS_TTL_SECONDS: the longest an entry stays in the shared store. */
  ttlSeconds: number;
  /** APQ_REDIS_MAX_ENTRY_BYTES: longer query texts (UTF-8) are kept in `local` only. */
  maxEntryBytes: number;
}

/**
 * Persisted queries that any replica answers: registered in the shared store (bounded by a TTL and an
 * entry size) and in `local`; looked up in the shared store first. When it fails (within
 * REDIS_TIMEOUT_MS, or at once while its breaker is open) `local` answers alone: at worst a client
 * sends the text once more.
 */
export function sharedPersistedQueryStore(local: PersistedQueryStore, shared: SharedQueryStore, options: SharedPersistedQueryOptions): PersistedQueryStore {
  const key = (name: string) => `apq:${name}`;
  return {
    async get(name) {
      const found = await shared.get(key(name)).catch(() => undefined);
      return found ?? local.get(name);
    },
    async set(name, value, setOptions) {
      await local.set(name, value, setOptions);
      if (Buffer.byteLength(value, "utf8") > options.maxEntryBytes) return;
      const ttl = setOptions?.ttl;
      const ttlSeconds = typeof ttl === "number" && ttl > 0 ? Math.min(Math.ceil(ttl), options.ttlSeconds) : options.ttlSeconds;
      await shared.set(key(name), value, ttlSeconds).catch(() => {});
    },
    async delete(name) {
      await shared.delete(key(name)).catch(() => {});
      return local.delete(name);
    },
  };
}
