// What browsers and web frontends need besides the HTTP routes (src/http/): the CORS allowlist's
// patterns, correct caching of GraphQL responses, and the store of automatic persisted queries.
export { DEMO_CORS_ORIGINS, createOriginMatcher, parseOriginPattern } from "./origins.js";
export type { OriginPattern } from "./origins.js";
export { createPersistedQueryStore, sharedPersistedQueryStore } from "./persistedQueries.js";
export type { PersistedQueryStore } from "./persistedQueries.js";
export { GRAPHQL_CACHE_CONTROL, graphqlResponseCachingPlugin } from "./responseCaching.js";
