// The cache as the configuration asks for it: none (CACHE_TTL_MS unset), in memory, or in Redis
// (each call bounded by REDIS_TIMEOUT_MS).
import type { CloudControlFacade } from "../cloudcontrol/facade.js";
import type { GatewayLogger } from "../errors.js";
import type { ResourceModel } from "../resourceTypes/index.js";
import { withRouteResponseCache } from "./cachedCloudControl.js";
import type { CacheConfig } from "./config.js";
import type { RouteResponseCache } from "./routeResponseCache.js";
import { createRouteResponseCache } from "./routeResponseCache.js";
import { memoryStore, redisStore } from "./store.js";

export interface GatewayCache {
  /** The facade with the cache in front of it, or the facade itself when there is no cache. */
  wrap(cloudControl: CloudControlFacade): CloudControlFacade;
  /** Undefined when there is no cache. */
  readonly cache: RouteResponseCache<ResourceModel> | undefined;
  /** The route response the cache holds, without reading Cloud Control; null on a miss or without a cache. */
  peek(region: string, identifier: string): Promise<ResourceModel | null>;
  close(): Promise<void>;
}

/** REDIS_TIMEOUT_MS bounds each Redis call, and is how often a failed Redis is tried again. */
export function createGatewayCache(settings: CacheConfig, logger: GatewayLogger): GatewayCache {
  const ttlMs = settings.ttlMs;
  if (ttlMs === undefined) return { wrap: (cloudControl) => cloudControl, cache: undefined, peek: async () => null, close: async () => {} };
  const onError = (message: string, error: unknown) => logger.error(message, error);
  const store =
    settings.redisUrl === undefined
      ? memoryStore(settings.maxEntries)
      : redisStore({
          url: settings.redisUrl,
          timeoutMs: settings.redisTimeoutMs,
          onError: (error) => onError("Redis (the route response cache) failed; reads go to Cloud Control until it answers", error),
          onRecovered: () => logger.info("Redis (the route response cache) answers again"),
        });
  const cache = createRouteResponseCache<ResourceModel>({ store, ttlMs, onError, retryMs: settings.redisTimeoutMs });
  return {
    wrap: (cloudControl) => withRouteResponseCache(cloudControl, cache, ttlMs),
    cache,
    // A miss reads nothing: null ("does not exist") is never cached, so it stays a miss.
    peek: (region, identifier) => cache.get(region, identifier, async () => null),
    close: () => cache.close(),
  };
}
