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
