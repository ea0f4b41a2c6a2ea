import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import type { RouteResponseIdentity } from "../../routeResponses/index.js";
import { checkRouteRef, formatRouteResponseIdentifier, routeResponseParent } from "../../routeResponses/index.js";
import { checkFirst, paginate } from "../relay/paginate.js";

/**
 * The route responses of one route, paged through ListResources with ResourceModel {ApiId, RouteId}.
 * Items carry identifiers only: a query that asks only for identifier fields makes no GetResource;
 * any other field is read through the loader, all items of the page in one batch.
 */
export const routeResponses: QueryResolvers["routeResponses"] = async (_parent, args, context) => {
  const route = checkRouteRef(args);
  const region = context.regions.resolve(args.region);
  const first = checkFirst(args.first);
  const page = await paginate<RouteResponseIdentity>({
    first,
    after: args.after,
    scope: JSON.stringify(["routeResponses", region, route.apiId, route.routeId]),
    keyOf: (identity) => formatRouteResponseIdentifier(identity),
    fetchPage: async (token) => {
      const listed = await context.cloudControl.listRouteResponses(region, route, token);
      return { items: listed.identities, nextToken: listed.nextToken };
    },
  });
  const edges = page.edges.map(({ cursor, node }) => ({ cursor, node: routeResponseParent(region, node) }));
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo };
};
