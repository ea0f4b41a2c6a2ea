// The facade with the cache in front of GetResource, under the request's DataLoader: a request still
// deduplicates and batches its keys; the cache answers across requests. Every write this gateway makes
// invalidates its route response when AWS accepts it and again when the gateway sees it finish (a
// read between the two may have cached the state before the change).
import type { ResourceRequestModel } from "../cloudcontrol/resourceRequest.js";
import { isDone } from "../cloudcontrol/resourceRequest.js";
import type { RouteResponseCloudControl } from "../cloudcontrol/routeResponseApi.js";
import type { RouteResponseModel } from "../routeResponses/index.js";
import type { RouteResponseCache } from "./routeResponseCache.js";

export function withRouteResponseCache(
  cloudControl: RouteResponseCloudControl,
  cache: RouteResponseCache<RouteResponseModel>,
  ttlMs: number,
): RouteResponseCloudControl {
  const invalidateFor = async (request: ResourceRequestModel): Promise<ResourceRequestModel> => {
    if (request.identifier !== null) await cache.invalidate(request.region, request.identifier);
    return request;
  };
  /**
   * A finished write's status is read again long after (resourceRequest): entries cached since it
   * finished are fresh, and older ones expired, once a TTL (plus a minute for clock skew) has passed.
   */
  const finishedRecently = (request: ResourceRequestModel): boolean =>
    request.eventTime === null || Date.now() - request.eventTime.getTime() < ttlMs + 60_000;

  return {
    ...cloudControl,
    getRouteResponse: (region, identifier) => cache.get(region, identifier, () => cloudControl.getRouteResponse(region, identifier)),
    // Invalidated whatever the answer: a write whose outcome is unknown (WRITE_OUTCOME_UNKNOWN)
    // may have been applied.
    async updateRouteResponse(region, identifier, patch, clientToken) {
      try {
        return await cloudControl.updateRouteResponse(region, identifier, patch, clientToken);
      } finally {
        await cache.invalidate(region, identifier);
      }
    },
    async deleteRouteResponse(region, identifier, clientToken) {
      try {
        return await cloudControl.deleteRouteResponse(region, identifier, clientToken);
      } finally {
        await cache.invalidate(region, identifier);
      }
    },
    async createRouteResponse(region, desiredState, clientToken) {
      return invalidateFor(await cloudControl.createRouteResponse(region, desiredState, clientToken));
    },
    async getRequestStatus(region, requestToken) {
      const request = await cloudControl.getRequestStatus(region, requestToken);
      if (request !== null && isDone(request.status) && request.operation !== "CREATE" && finishedRecently(request)) await invalidateFor(request);
      return request;
    },
    async cancelRequest(region, requestToken) {
      return invalidateFor(await cloudControl.cancelRequest(region, requestToken));
    },
  };
}
