// What replicas of the gateway share when REDIS_URL is set, besides the route response cache (which
// has its own connection, src/cache/): each region's Cloud Control token bucket and the automatic
// persisted queries. Without REDIS_URL both stay per process, as for a single gateway.
import type { CacheConfig } from "../cache/config.js";
import type { SharedPacing } from "../cloudcontrol/pacing.js";
import type { GatewayLogger } from "../errors.js";
import type { PersistedQueryStore } from "../frontends/index.js";
import { sharedPersistedQueryStore } from "../frontends/index.js";
import type { Metrics } from "../observability/index.js";
import { createSharedRedis } from "./redis.js";

export { createSharedRedis } from "./redis.js";
export type { SharedRedis, SharedRedisOptions } from "./redis.js";
export { GCRA_SCRIPT } from "./gcra.js";

export interface ReplicaSharing {
  /** The pacer's shared buckets; undefined without REDIS_URL (pacing per process). */
  readonly pacing: SharedPacing | undefined;
  /** `local` alone without REDIS_URL; else the shared store in front of it. */
  persistedQueries(local: PersistedQueryStore): PersistedQueryStore;
  close(): Promise<void>;
}

export interface ReplicaSharingOptions {
  cache: Pick<CacheConfig, "redisUrl" | "redisTimeoutMs" | "apqRedisTtlSeconds" | "apqRedisMaxEntryBytes">;
  /** CLOUDCONTROL_REPLICAS. */
  replicas: number;
  logger: GatewayLogger;
  metrics: Pick<Metrics, "cloudControlPacingShared">;
}

export function createReplicaSharing(options: ReplicaSharingOptions): ReplicaSharing {
  const { cache, logger, metrics } = options;
  if (cache.redisUrl === undefined) return { pacing: undefined, persistedQueries: (local) => local, close: async () => {} };
  const redis = createSharedRedis({
    url: cache.redisUrl,
    timeoutMs: cache.redisTimeoutMs,
    onError: (error) =>
      logger.error(`Redis (shared pacing and persisted queries) failed; each replica paces at 1/${options.replicas} of the rate until it answers`, error),
    onRecovered: () => logger.info("Redis (shared pacing and persisted queries) answers again"),
  });
  return {
    pacing: {
      reserve: (region, ratePerSecond, burst) => redis.reserveToken(region, ratePerSecond, burst),
      replicas: options.replicas,
      onSource: (region, shared) => metrics.cloudControlPacingShared.set({ region }, shared ? 1 : 0),
    },
    persistedQueries: (local) =>
      sharedPersistedQueryStore(local, redis, { ttlSeconds: cache.apqRedisTtlSeconds, maxEntryBytes: cache.apqRedisMaxEntryBytes }),
    close: () => redis.close(),
  };
}
