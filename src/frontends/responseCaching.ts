// Cache-Control of GraphQL responses. Every answer is live AWS state read with the gateway's (and,
// with authentication, the caller's) credentials, so no cache may store it: `no-store`, for GET
// and POST alike, whatever cache hints a schema may carry. (Vary is set with CORS: cors.ts.)
import type { ApolloServerPlugin } from "@apollo/server";

export const GRAPHQL_CACHE_CONTROL = "no-store";

export function graphqlResponseCachingPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set("cache-control", GRAPHQL_CACHE_CONTROL);
        },
      };
    },
  };
}
