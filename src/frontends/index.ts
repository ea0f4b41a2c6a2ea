// What browsers and web frontends need from the gateway's HTTP side: CORS with an allowlist,
// correct caching of GraphQL responses, and the store of automatic persisted queries.
export { CORS_ALLOWED_HEADERS, CORS_ALLOWED_METHODS, GRAPHQL_VARY, createCorsRoute } from "./cors.js";
export type { CorsOptions } from "./cors.js";
export { DEMO_CORS_ORIGINS, createOriginMatcher, parseOriginPattern } from "./origins.js";
export type { OriginPattern } from "./origins.js";
export { createPersistedQueryStore } from "./persistedQueries.js";
export type { PersistedQueryStore } from "./persistedQueries.js";
export { GRAPHQL_CACHE_CONTROL, graphqlResponseCachingPlugin } from "./responseCaching.js";
export { createFrontendSupport } from "./setup.js";
export type { FrontendSupport, FrontendSupportOptions } from "./setup.js";
