import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import { checkRouteResponseIdentity, formatRouteResponseIdentifier } from "../../routeResponses/index.js";
import { routeResponseType } from "../../resourceTypes/index.js";
import { loadResource } from "../resources.js";

/** A route response by its three ids; null (no error) when it does not exist, as Relay expects. */
export const routeResponse: QueryResolvers["routeResponse"] = async (_parent, args, context) => {
  const identity = checkRouteResponseIdentity(args);
  const region = context.regions.resolve(args.region);
  return loadResource(context, routeResponseType, region, formatRouteResponseIdentifier(identity));
};
