// The cache settings (CACHE_*, REDIS_*): whether route response reads are kept across requests, for
// how long, and where. Read with the rest of the configuration; gatewayCache.ts builds the cache.
import type { SettingsReader } from "../configReader.js";

export interface CacheConfig {
  /** CACHE_TTL_MS: how long a route response read may answer later requests; undefined (the default) is no cache. */
  ttlMs: number | undefined;
  /** CACHE_MAX_ENTRIES: route responses the in-memory cache holds (least recently used go first). */
  maxEntries: number;
  /** REDIS_URL: keep the cache in Redis (shared by replicas) instead of in memory. */
  redisUrl: string | undefined;
  /** REDIS_TIMEOUT_MS: the longest one Redis call (or connection attempt) may take; past it the cache is a miss. */
  redisTimeoutMs: number;
  /** APQ_REDIS_TTL_SECONDS: how long a persisted query stays in Redis (shared by replicas) after it was registered. */
  apqRedisTtlSeconds: number;
  /** APQ_REDIS_MAX_ENTRY_BYTES: longer query texts are kept in the process's own store only. */
  apqRedisMaxEntryBytes: number;
}

function redisUrl(read: SettingsReader): string | undefined {
  const value = read.optional("REDIS_URL");
  if (value !== undefined && !/^rediss?:\/\/./.test(value)) read.problems.push(`REDIS_URL must be a redis:// or rediss:// URL, but is "${value}".`);
  return value;
}

export function readCacheConfig(read: SettingsReader): CacheConfig {
  return {
    ttlMs: read.optional("CACHE_TTL_MS") === undefined ? undefined : read.integer("CACHE_TTL_MS", 0, 1, 3_600_000),
    maxEntries: read.integer("CACHE_MAX_ENTRIES", 10_000, 1, 10_000_000),
    redisUrl: redisUrl(read),
    redisTimeoutMs: read.integer("REDIS_TIMEOUT_MS", 1000, 10, 60_000),
    apqRedisTtlSeconds: read.integer("APQ_REDIS_TTL_SECONDS", 86_400, 1, 30 * 86_400),
    apqRedisMaxEntryBytes: read.integer("APQ_REDIS_MAX_ENTRY_BYTES", 64 * 1024, 1, 16 * 1024 * 1024),
  };
}
