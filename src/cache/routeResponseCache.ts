// A short-lived cache of GetResource answers, keyed by region and identifier, shared by every request
// of the process (memory) or of every replica (Redis).
//
// Staleness: an entry answers for at most the TTL after it was read from AWS; changes made outside this
// gateway (console, CloudFormation, another tool) show after the TTL at the latest. The gateway's own
// writes invalidate at once, everywhere: each key has a version in the store, entries carry the version
// seen before their read, and an entry whose version is not the current one is never served. An
// invalidation replaces the version, so a read that was in flight during a write (and would store the
// old value after the invalidation) stores an entry nobody will serve. No compare-and-set is needed,
// and no message has to reach the other replicas: they ask the same store on every read. (A per-replica
// memory layer in front of Redis would need such messages, and would be stale while they travel; Redis
// answers in well under a millisecond, a small part of a Cloud Control call.)
import { randomUUID } from "node:crypto";
import type { CacheStore } from "./store.js";

export interface RouteResponseCacheOptions {
  store: CacheStore;
  ttlMs: number;
  onError: (message: string, error: unknown) => void;
}

export interface CacheCounters {
  hits: number;
  misses: number;
  invalidations: number;
  errors: number;
}

interface Entry<T> {
  version: string;
  value: T;
}

export interface RouteResponseCache<T> {
  /** The cached value, or `read()`'s, which is then cached (null, "does not exist", is not cached). */
  get(region: string, identifier: string, read: () => Promise<T | null>): Promise<T | null>;
  /** After this resolves, no replica serves what was cached for the key before. */
  invalidate(region: string, identifier: string): Promise<void>;
  readonly counters: Readonly<CacheCounters>;
  close(): Promise<void>;
}

const isEntry = (value: unknown): value is Entry<unknown> =>
  typeof value === "object" && value !== null && typeof (value as Entry<unknown>).version === "string" && "value" in value;

export function createRouteResponseCache<T>(options: RouteResponseCacheOptions): RouteResponseCache<T> {
  const { store, ttlMs, onError } = options;
  // A version must outlive every entry made under it; if it goes anyway (evicted), its entries are misses.
  const versionTtlMs = 2 * ttlMs + 60_000;
  const counters: CacheCounters = { hits: 0, misses: 0, invalidations: 0, errors: 0 };
  const keysOf = (region: string, identifier: string) => {
    const key = `${region}/${identifier}`;
    return { entry: `rr:${key}`, version: `rrv:${key}` };
  };
  const failed = (message: string, error: unknown) => {
    counters.errors += 1;
    onError(message, error);
  };

  return {
    counters,
    async get(region, identifier, read) {
      const keys = keysOf(region, identifier);
      let version: string;
      try {
        const [entry, current] = await store.getMany([keys.entry, keys.version]);
        if (typeof current === "string" && isEntry(entry) && entry.version === current) {
          counters.hits += 1;
          return entry.value as T;
        }
        version = typeof current === "string" ? current : randomUUID();
        // Racing readers may each set one; the loser's entries are only misses, never wrong answers.
        if (typeof current !== "string") await store.set(keys.version, version, versionTtlMs);
      } catch (error) {
        failed("route response cache unavailable; reading from Cloud Control", error);
        return read();
      }
      counters.misses += 1;
      const value = await read();
      if (value !== null) {
        try {
          await store.set(keys.entry, { version, value } satisfies Entry<T>, ttlMs);
        } catch (error) {
          failed("could not store a route response in the cache", error);
        }
      }
      return value;
    },
    async invalidate(region, identifier) {
      const keys = keysOf(region, identifier);
      counters.invalidations += 1;
      try {
        await store.set(keys.version, randomUUID(), versionTtlMs);
        await store.delete(keys.entry);
      } catch (error) {
        // The write happened; the cache may answer the old state until the TTL passes.
        failed(`could not invalidate the cached route response ${identifier} in ${region}`, error);
      }
    },
    close: () => store.close(),
  };
}
