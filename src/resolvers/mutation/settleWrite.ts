// What every route response write does once Cloud Control accepted it: wait if asked, and keep the
// request's loaders truthful (a write changes what a cached read said).
import type { ResourceRequestModel } from "../../cloudcontrol/resourceRequest.js";
import { OperationStatus, ResourceOperation } from "../../cloudcontrol/resourceRequest.js";
import type { GatewayContext } from "../../context.js";

export async function settleWrite(
  context: GatewayContext,
  accepted: ResourceRequestModel,
  wait: boolean | null | undefined,
): Promise<ResourceRequestModel> {
  const request = wait ? await context.waitForRequest(accepted) : accepted;
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
