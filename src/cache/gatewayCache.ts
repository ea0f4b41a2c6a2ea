// The cache as the configuration asks for it: none (CACHE_TTL_MS unset), in memory, or in Redis
// (each call bounded by REDIS_TIMEOUT_MS).
import type { CloudControlFacade } from "../cloudcontrol/facade.js";
import type { GatewayLogger } from "../errors.js";
import type { ResourceModel } from "../resourceTypes/index.js";
import { withRouteResponseCache } from "./cachedCloudControl.js";
import type { RouteResponseCache } from "./routeResponseCache.js";
import { createRouteResponseCache } from "./routeResponseCache.js";
import { memoryStore, redisStore } from "./store.js";

export interface GatewayCacheSettings {
  cacheTtlMs: number | undefined;
  cacheMaxEntries: number;
  redisUrl: string | undefined;
  /** The longest one Redis call may take before the cache counts it as a miss (and stops asking for a while). */
  redisTimeoutMs: number;
}

export interface GatewayCache {
  /** The facade with the cache in front of it, or the facade itself when there is no cache. */
  wrap(cloudControl: CloudControlFacade): CloudControlFacade;
  /** Undefined when there is no cache. */
  readonly cache: RouteResponseCache<ResourceModel> | undefined;
  close(): Promise<void>;
}

export function createGatewayCache(settings: GatewayCacheSettings, logger: GatewayLogger): GatewayCache {
  const ttlMs = settings.cacheTtlMs;
  if (ttlMs === undefined) return { wrap: (cloudControl) => cloudControl, cache: undefined, close: async () => {} };
  const onError = (message: string, error: unknown) => logger.error(message, error);
  const store =
    settings.redisUrl === undefined
      ? memoryStore(settings.cacheMaxEntries)
      : redisStore({
          url: settings.redisUrl,
          timeoutMs: settings.redisTimeoutMs,
          onError: (error) => onError("Redis (the route response cache) failed; reads go to Cloud Control until it answers", error),
          onRecovered: () => logger.info("Redis (the route response cache) answers again"),
        });
  const cache = createRouteResponseCache<ResourceModel>({ store, ttlMs, onError, retryMs: settings.redisTimeoutMs });
  return { wrap: (cloudControl) => withRouteResponseCache(cloudControl, cache, ttlMs), cache, close: () => cache.close() };
}
