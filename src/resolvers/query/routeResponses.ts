import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import { routeResponseType } from "../../resourceTypes/index.js";
import { checkRouteRef } from "../../routeResponses/index.js";
import { resourceConnection } from "../resources.js";

/**
 * The route responses of one route, paged through ListResources with ResourceModel {ApiId, RouteId}.
 * Items carry identifiers only: a query that asks only for identifier fields makes no GetResource;
 * any other field is read through the loader, all items of the page in one batch.
 */
export const routeResponses: QueryResolvers["routeResponses"] = async (_parent, args, context, info) => {
  const route = checkRouteRef(args);
  const region = context.regions.resolve(args.region);
  return resourceConnection(context, routeResponseType, args, info, { scope: "routeResponses", region, parent: route });
};
