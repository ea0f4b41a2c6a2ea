import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import { loadRouteResponse } from "../loadRouteResponse.js";
import { decodeNodeId } from "../relay/nodeId.js";

/** Relay's refetch entry point. A malformed id is BAD_USER_INPUT; a missing object is null. */
export const node: QueryResolvers["node"] = async (_parent, { id }, context) => {
  const ref = decodeNodeId(id, context.regions);
  return loadRouteResponse(context, ref.region, ref.identifier);
};
