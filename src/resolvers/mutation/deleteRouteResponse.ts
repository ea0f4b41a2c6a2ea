import type { MutationResolvers } from "../../__generated__/resolvers-types.js";
import type { GatewayContext } from "../../context.js";
import { parentOfModel, routeResponseType } from "../../resourceTypes/index.js";
import type { RouteResponseModel, RouteResponseParent } from "../../routeResponses/index.js";
import { checkRouteResponseIdentity, formatRouteResponseIdentifier } from "../../routeResponses/index.js";
import { nodeIdOf } from "../relay/nodeId.js";
import { writeClientToken } from "../tokens.js";
import { settleWrite } from "./settleWrite.js";

/**
 * The route response as last read: by this request (its loader), else by an earlier one (the
 * gateway's cache, with CACHE_TTL_MS). No Cloud Control call is made for it; a read that failed, or
 * found nothing, is nothing known.
 */
async function lastKnown(context: GatewayContext, region: string, identifier: string): Promise<RouteResponseParent | null> {
  const held = context.loaders.resources.of(routeResponseType).peek({ region, identifier });
  const model = held === undefined ? await context.cachedRouteResponse(region, identifier) : await held.catch(() => null);
  // The cache holds route responses only, read with their type: what it answers has their identity.
  return model === null ? null : parentOfModel(model as RouteResponseModel);
}

/**
 * DeleteResource. A missing route response is not an error here: Cloud Control accepts the request
 * and it ends FAILED with errorCode NotFound, which the payload reports as data. The payload names
 * the deleted route response's node id, for client caches to drop it.
 */
export const deleteRouteResponse: MutationResolvers["deleteRouteResponse"] = async (_parent, { input }, context) => {
  const identifier = formatRouteResponseIdentifier(checkRouteResponseIdentity(input, "input"));
  const region = context.regions.resolve(input.region);
  const clientToken = writeClientToken(input.clientToken);
  // Before the write: settling it forgets what the loader held.
  const routeResponse = await lastKnown(context, region, identifier);
  const accepted = await context.cloudControl.deleteResource(routeResponseType, region, identifier, clientToken);
  return {
    request: await settleWrite(context, accepted, input.wait),
    deletedRouteResponseId: nodeIdOf(routeResponseType, { region, identifier }),
    routeResponse,
  };
};
