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
//
// When the store fails (Redis down, paused, or slow past its bound), the cache is a miss: reads ask
// Cloud Control, and writes go on. An invalidation that fails leaves the old version in place, and a
// paused Redis that resumes, or one that was only unreachable from here, still holds the old entry under
// it. So this replica remembers the key ("unconfirmed"): it reads the key from Cloud Control and caches
// nothing for it, and replaces its version again every `retryMs` until that reaches the store, or until
// every entry that could predate the write has expired (the version's lifetime). Other replicas cannot
// know: until the retry lands they may answer the old entry, for at most the TTL after it was stored.
import { randomUUID } from "node:crypto";
import type { CacheStore } from "./store.js";

export interface RouteResponseCacheOptions {
  store: CacheStore;
  ttlMs: number;
  /** Failures, at most one a minute of each kind (reading, storing, invalidating). */
  onError: (message: string, error: unknown) => void;
  /** How often invalidations that did not reach the store are tried again. Default 1000 ms. */
  retryMs?: number;
}

export interface CacheCounters {
  hits: number;
  misses: number;
  invalidations: number;
  errors: number;
  /** Keys whose last invalidation has not reached the store yet: read from Cloud Control until it has. */
  readonly unconfirmed: number;
}

interface Unconfirmed {
  region: string;
  identifier: string;
  /** performance.now() when its invalidation failed. */
  since: number;
}

/** Beyond this many unconfirmed keys, the whole cache is bypassed instead of remembering more. */
const MAX_UNCONFIRMED = 10_000;

interface Entry<T> {
  version: string;
  value: T;
}

export interface RouteResponseCache<T> {
  /** The cached value, or `read()`'s, which is then cached (null, "does not exist", is not cached). */
  get(region: string, identifier: string, read: () => Promise<T | null>): Promise<T | null>;
  /**
   * After this resolves, no replica serves what was cached for the key before; if the store could not
   * be reached (within its bound), this replica does not, and the others do not once a retry reaches it.
   * Never throws.
   */
  invalidate(region: string, identifier: string): Promise<void>;
  readonly counters: Readonly<CacheCounters>;
  close(): Promise<void>;
}

const isEntry = (value: unknown): value is Entry<unknown> =>
  typeof value === "object" && value !== null && typeof (value as Entry<unknown>).version === "string" && "value" in value;

export function createRouteResponseCache<T>(options: RouteResponseCacheOptions): RouteResponseCache<T> {
  const { store, ttlMs, onError } = options;
  const retryMs = options.retryMs ?? 1000;
  // A version must outlive every entry made under it; if it goes anyway (evicted), its entries are misses.
  const versionTtlMs = 2 * ttlMs + 60_000;
  const unconfirmed = new Map<string, Unconfirmed>();
  let bypassAllUntil = -Infinity;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  const counters: CacheCounters = {
    hits: 0,
    misses: 0,
    invalidations: 0,
    errors: 0,
    get unconfirmed() {
      return unconfirmed.size;
    },
  };
  const keysOf = (region: string, identifier: string) => {
    const key = `${region}/${identifier}`;
    return { key, entry: `rr:${key}`, version: `rrv:${key}` };
  };
  const lastReported = new Map<string, number>();
  const failed = (kind: string, message: string, error: unknown) => {
    counters.errors += 1;
    if (performance.now() - (lastReported.get(kind) ?? -Infinity) < 60_000) return;
    lastReported.set(kind, performance.now());
    onError(message, error);
  };

  /** Whether what the store holds for the key may predate one of this replica's writes. */
  const suspect = (key: string): boolean => {
    if (performance.now() < bypassAllUntil) return true;
    const record = unconfirmed.get(key);
    if (record === undefined) return false;
    if (performance.now() - record.since < versionTtlMs) return true;
    // Every entry stored before the write has expired by now.
    unconfirmed.delete(key);
    return false;
  };
  const replaceVersion = async (keys: ReturnType<typeof keysOf>) => {
    await store.set(keys.version, randomUUID(), versionTtlMs);
    await store.delete(keys.entry);
  };
  const retryUnconfirmed = async () => {
    for (const [key, record] of [...unconfirmed]) {
      if (closed) return;
      if (!suspect(key)) continue;
      try {
        await replaceVersion(keysOf(record.region, record.identifier));
      } catch {
        break; // Still unreachable (the store reported why): the next round tries again.
      }
      // Unless it failed again meanwhile, for a later write.
      if (unconfirmed.get(key) === record) unconfirmed.delete(key);
    }
    retry = undefined;
    scheduleRetry();
  };
  const scheduleRetry = () => {
    if (retry !== undefined || closed || unconfirmed.size === 0) return;
    retry = setTimeout(() => void retryUnconfirmed(), retryMs).unref();
  };
  const remember = (region: string, identifier: string, key: string) => {
    if (!unconfirmed.has(key) && unconfirmed.size >= MAX_UNCONFIRMED) {
      bypassAllUntil = performance.now() + versionTtlMs;
      return;
    }
    unconfirmed.set(key, { region, identifier, since: performance.now() });
    scheduleRetry();
  };

  return {
    counters,
    async get(region, identifier, read) {
      const keys = keysOf(region, identifier);
      if (suspect(keys.key)) {
        counters.misses += 1;
        return read();
      }
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
        failed("read", "route response cache unavailable; reading from Cloud Control", error);
        return read();
      }
      counters.misses += 1;
      const value = await read();
      // Not if an invalidation of this key failed while the read was on its way: it may predate the write.
      if (value !== null && !suspect(keys.key)) {
        try {
          await store.set(keys.entry, { version, value } satisfies Entry<T>, ttlMs);
        } catch (error) {
          failed("store", "could not store a route response in the cache", error);
        }
      }
      return value;
    },
    async invalidate(region, identifier) {
      const keys = keysOf(region, identifier);
      const started = performance.now();
      counters.invalidations += 1;
      try {
        await replaceVersion(keys);
      } catch (error) {
        remember(region, identifier, keys.key);
        failed("invalidate", `could not invalidate the cached route response ${identifier} in ${region}; reading it from Cloud Control until a retry can`, error);
        return;
      }
      // The new version also covers the writes whose invalidation failed before this one began.
      const record = unconfirmed.get(keys.key);
      if (record !== undefined && record.since <= started) unconfirmed.delete(keys.key);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await store.close();
    },
  };
}
