import type { MutationResolvers } from "../../__generated__/resolvers-types.js";
import { routeResponseType } from "../../resourceTypes/index.js";
import { checkRouteResponseIdentity, formatRouteResponseIdentifier } from "../../routeResponses/index.js";
import { writeClientToken } from "../tokens.js";
import { settleWrite } from "./settleWrite.js";

/**
 * DeleteResource. A missing route response is not an error here: Cloud Control accepts the request
 * and it ends FAILED with errorCode NotFound, which the payload reports as data.
 */
export const deleteRouteResponse: MutationResolvers["deleteRouteResponse"] = async (_parent, { input }, context) => {
  const identifier = formatRouteResponseIdentifier(checkRouteResponseIdentity(input, "input"));
  const region = context.regions.resolve(input.region);
  const clientToken = writeClientToken(input.clientToken);
  const accepted = await context.cloudControl.deleteResource(routeResponseType, region, identifier, clientToken);
  return { request: await settleWrite(context, accepted, input.wait) };
};
