// What every route response write does once Cloud Control accepted it: wait if asked, and keep the
// request's loaders truthful (a write changes what a cached read said). From here on nothing fails
// the mutation: an accepted write is always answered with its request.
import type { ResourceRequestModel } from "../../cloudcontrol/resourceRequest.js";
import { OperationStatus, ResourceOperation } from "../../cloudcontrol/resourceRequest.js";
import type { GatewayContext } from "../../context.js";
import { GatewayError } from "../../errors.js";

export async function settleWrite(
  context: GatewayContext,
  accepted: ResourceRequestModel,
  wait: boolean | null | undefined,
): Promise<ResourceRequestModel> {
  // A wait that fails (a status read AWS refuses) answers the request as accepted, as one that runs
  // out of time answers it as last seen: the caller polls on from its token. A bug still surfaces.
  const request = wait
    ? await context.waitForRequest(accepted).catch((error: unknown) => {
        if (error instanceof GatewayError) return accepted;
        throw error;
      })
    : accepted;
  const requestKey = { region: request.region, requestToken: request.requestToken };
  context.loaders.resourceRequest.clear(requestKey).prime(requestKey, request);
  if (request.identifier !== null) {
    const key = { region: request.region, identifier: request.identifier };
    context.loaders.routeResponse.clear(key);
    if (request.operation === ResourceOperation.DELETE && request.status === OperationStatus.SUCCESS) {
      context.loaders.routeResponse.prime(key, null);
    }
  }
  return request;
}
