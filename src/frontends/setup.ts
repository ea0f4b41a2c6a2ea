// Everything the gateway adds for browsers and web frontends, built in one place so the
// composition root (server.ts) wires it with a few lines: CORS and Vary for the GraphQL path,
// Cache-Control of GraphQL responses, the APQ store, and subscriptions over WebSocket on the same
// path (whose origin check uses the CORS allowlist).
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLSchema, ValidationRule } from "graphql";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayLogger } from "../errors.js";
import { createErrorFormatter } from "../errors.js";
import type { ContextRequest, UpgradeHandler } from "../subscriptions/graphqlWs.js";
import { createGraphQLWsServer } from "../subscriptions/graphqlWs.js";
import { createCorsRoute } from "./cors.js";
import { createOriginMatcher, parseOriginPattern } from "./origins.js";
import type { OriginPattern } from "./origins.js";
import type { PersistedQueryStore } from "./persistedQueries.js";
import { createPersistedQueryStore } from "./persistedQueries.js";
import { graphqlResponseCachingPlugin } from "./responseCaching.js";

export interface FrontendSupportOptions<TContext> {
  /** The GraphQL path. */
  path: string;
  /** CORS_ORIGINS entries (checked by the config). */
  corsOrigins: readonly string[];
  /** APQ_CACHE_MAX_BYTES; 0 turns automatic persisted queries off. */
  apqCacheMaxBytes: number;
  /** The gateway's one context factory; subscriptions call it with their connection's headers. */
  createContext: (request: ContextRequest) => Promise<TContext>;
  logger: GatewayLogger;
  /** The validation rules HTTP operations get beyond graphql-js's (applied to subscriptions too). */
  validationRules?: readonly ValidationRule[];
}

export interface FrontendSupport<TContext extends object> {
  /** Routes for the node:http adapter, before GraphQL. */
  readonly httpRoutes: ReadonlyArray<(req: IncomingMessage, res: ServerResponse) => boolean>;
  readonly upgradeHandlers: readonly UpgradeHandler[];
  /** Response caching, and the hook that hands Apollo's executable schema to the WebSocket server. */
  readonly apolloPlugins: ReadonlyArray<ApolloServerPlugin<TContext>>;
  /** Apollo's `persistedQueries` option. */
  readonly persistedQueries: false | { cache: PersistedQueryStore };
  /** Closes the WebSockets (1001 Going Away). */
  close(): Promise<void>;
}

export function createFrontendSupport<TContext extends object>(options: FrontendSupportOptions<TContext>): FrontendSupport<TContext> {
  const patterns = options.corsOrigins.map((entry) => {
    const pattern = parseOriginPattern(entry);
    if (pattern === null) throw new TypeError(`"${entry}" is not an origin such as https://app.example.com or http://localhost:*.`);
    return pattern;
  });
  const isOriginAllowed = createOriginMatcher(patterns satisfies OriginPattern[]);
  let schema: GraphQLSchema | undefined;
  const schemaPlugin: ApolloServerPlugin<TContext> = {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          schema = apiSchema;
        },
      };
    },
  };
  const webSockets = createGraphQLWsServer<TContext>({
    path: options.path,
    schema: () => {
      if (schema === undefined) throw new Error("The GraphQL schema is not loaded yet: start the gateway before serving WebSockets.");
      return schema;
    },
    createContext: options.createContext,
    formatError: createErrorFormatter(options.logger),
    isOriginAllowed,
    validationRules: options.validationRules,
    logger: options.logger,
  });
  return {
    httpRoutes: [createCorsRoute({ path: options.path, isOriginAllowed })],
    upgradeHandlers: [webSockets],
    apolloPlugins: [graphqlResponseCachingPlugin<TContext>(), schemaPlugin],
    persistedQueries: options.apqCacheMaxBytes === 0 ? false : { cache: createPersistedQueryStore(options.apqCacheMaxBytes) },
    close: () => webSockets.close(),
  };
}
