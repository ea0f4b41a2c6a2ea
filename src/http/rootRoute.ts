// GET / : where a person (or a probe) who opens the gateway's address lands. With a browser IDE on,
// a redirect to the GraphQL path, where the IDE is served; without, a small JSON answer naming the
// gateway's paths. Other methods on / are left to the next route (the GraphQL handler's 404).
import type { HttpRoute } from "./respond.js";
import { pathOf, sendBody } from "./respond.js";

export interface RootRouteOptions {
  /** The GraphQL path, such as `/graphql`. */
  graphqlPath: string;
  /** Whether a browser IDE (or Apollo's landing page) is served on the GraphQL path. */
  ide: boolean;
  /** The SDL's path, when it is served (INTROSPECTION on). */
  schemaPath: string | undefined;
}

export function rootRoute(options: RootRouteOptions): HttpRoute {
  const paths = JSON.stringify({ graphql: options.graphqlPath, ...(options.schemaPath === undefined ? {} : { schema: options.schemaPath }) });
  return (req, res) => {
    if (pathOf(req) !== "/" || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if (options.ide) sendBody(req, res, 302, "text/plain; charset=utf-8", `The GraphQL IDE is at ${options.graphqlPath}.\n`, { Location: options.graphqlPath });
    else sendBody(req, res, 200, "application/json; charset=utf-8", `${paths}\n`);
    return true;
  };
}
