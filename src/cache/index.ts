// The cross-request cache of route responses (CACHE_TTL_MS): in memory, or in Redis (REDIS_URL).
export { withRouteResponseCache } from "./cachedCloudControl.js";
export { createRouteResponseCache } from "./routeResponseCache.js";
export type { CacheCounters, RouteResponseCache, RouteResponseCacheOptions } from "./routeResponseCache.js";
export { memoryStore, redisStore } from "./store.js";
export type { CacheStore, RedisStoreOptions } from "./store.js";
export { createGatewayCache } from "./gatewayCache.js";
export type { GatewayCache } from "./gatewayCache.js";
