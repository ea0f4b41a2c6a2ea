// The facade with the cache in front of GetResource of route responses, under the request's
// DataLoader: a request still deduplicates and batches its keys; the cache answers across requests.
// Every write this gateway makes invalidates its route response when AWS accepts it and again when
// the gateway sees it finish (a read between the two may have cached the state before the change).
// Other types are read from Cloud Control: the gateway does not write them, so nothing would tell
// the cache when they change.
import type { ResourceRequestModel } from "../cloudcontrol/resourceRequest.js";
import { isDone } from "../cloudcontrol/resourceRequest.js";
import type { CloudControlFacade } from "../cloudcontrol/facade.js";
import type { Identity, ResourceModel, ResourceTypeDescriptor } from "../resourceTypes/index.js";
import { routeResponseType } from "../resourceTypes/index.js";
import type { RouteResponseCache } from "./routeResponseCache.js";

export function withRouteResponseCache(
  cloudControl: CloudControlFacade,
  cache: RouteResponseCache<ResourceModel>,
  ttlMs: number,
): CloudControlFacade {
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
    getResource<I extends Identity>(type: ResourceTypeDescriptor<I>, region: string, identifier: string) {
      if (type.typeName !== routeResponseType.typeName) return cloudControl.getResource(type, region, identifier);
      // The cache holds route responses only, read with this same type: what it answers has its identity.
      return cache.get(region, identifier, () => cloudControl.getResource(type, region, identifier)) as Promise<ResourceModel<I> | null>;
    },
    // Invalidated whatever the answer: a write whose outcome is unknown (WRITE_OUTCOME_UNKNOWN)
    // may have been applied.
    async updateResource(type, region, identifier, patch, clientToken) {
      try {
        return await cloudControl.updateResource(type, region, identifier, patch, clientToken);
      } finally {
        await cache.invalidate(region, identifier);
      }
    },
    async deleteResource(type, region, identifier, clientToken) {
      try {
        return await cloudControl.deleteResource(type, region, identifier, clientToken);
      } finally {
        await cache.invalidate(region, identifier);
      }
    },
    async createResource(type, region, desiredState, clientToken) {
      return invalidateFor(await cloudControl.createResource(type, region, desiredState, clientToken));
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
