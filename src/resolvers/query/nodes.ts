import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import { badUserInput } from "../../errors.js";
import type { RouteResponseParent } from "../../routeResponses/index.js";
import { loadRouteResponse } from "../loadRouteResponse.js";
import { decodeNodeId } from "../relay/nodeId.js";

const MAX_IDS = 100;

/**
 * Each id on its own: null when missing, an error at its own index when malformed or failing
 * (graphql-js completes an Error list item as that item's error, so the others still resolve).
 * All ids load in one batch.
 */
export const nodes: QueryResolvers["nodes"] = async (_parent, { ids }, context) => {
  if (ids.length > MAX_IDS) throw badUserInput(`nodes takes at most ${MAX_IDS} ids, but got ${ids.length}.`);
  const results = await Promise.all(
    ids.map(async (id): Promise<RouteResponseParent | null | Error> => {
      try {
        const ref = decodeNodeId(id, context.regions);
        return await loadRouteResponse(context, ref.region, ref.identifier);
      } catch (error) {
        return error as Error;
      }
    }),
  );
  return results as Array<RouteResponseParent | null>;
};
