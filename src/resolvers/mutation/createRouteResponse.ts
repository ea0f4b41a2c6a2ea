import type { MutationResolvers } from "../../__generated__/resolvers-types.js";
import { routeResponseType } from "../../resourceTypes/index.js";
import { checkRouteRef, desiredStateOf } from "../../routeResponses/index.js";
import { writeClientToken } from "../tokens.js";
import { settleWrite } from "./settleWrite.js";

/** CreateResource. The first ProgressEvent has no identifier; with `wait` it comes from the final one. */
export const createRouteResponse: MutationResolvers["createRouteResponse"] = async (_parent, { input }, context) => {
  const route = checkRouteRef(input, "input");
  const region = context.regions.resolve(input.region);
  const clientToken = writeClientToken(input.clientToken);
  const desiredState = desiredStateOf({ ...input, ...route });
  const accepted = await context.cloudControl.createResource(routeResponseType, region, desiredState, clientToken);
  return { request: await settleWrite(context, accepted, input.wait) };
};
