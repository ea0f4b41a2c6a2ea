// DataLoaders for one GraphQL request. Make a new set per request (context.ts): their caches hold
// what this request saw, and must not serve another caller's request.
import type { RouteResponseCloudControl } from "../cloudcontrol/routeResponseApi.js";
import type { ResourceRequestLoader } from "./resourceRequestLoader.js";
import { createResourceRequestLoader } from "./resourceRequestLoader.js";
import type { RouteResponseLoader } from "./routeResponseLoader.js";
import { createRouteResponseLoader } from "./routeResponseLoader.js";
import { Semaphore } from "../pacing/index.js";

export interface GatewayLoaders {
  routeResponse: RouteResponseLoader;
  resourceRequest: ResourceRequestLoader;
}

/** Told the size of every batch a loader dispatches (the dataloader_batch_size metric). */
export type LoaderBatchObserver = (loader: keyof GatewayLoaders, size: number) => void;

/** `concurrency` bounds the Cloud Control calls this request's loaders have in flight together. */
export function createLoaders(
  cloudControl: Pick<RouteResponseCloudControl, "getRouteResponse" | "getRequestStatus">,
  concurrency: number,
  onBatch?: LoaderBatchObserver,
): GatewayLoaders {
  const semaphore = new Semaphore(concurrency);
  return {
    routeResponse: createRouteResponseLoader(cloudControl, semaphore, onBatch && ((size) => onBatch("routeResponse", size))),
    resourceRequest: createResourceRequestLoader(cloudControl, semaphore, onBatch && ((size) => onBatch("resourceRequest", size))),
  };
}

export { routeResponseCacheKey } from "./routeResponseLoader.js";
export type { RouteResponseKey, RouteResponseLoader } from "./routeResponseLoader.js";
export { resourceRequestCacheKey } from "./resourceRequestLoader.js";
export type { ResourceRequestKey, ResourceRequestLoader } from "./resourceRequestLoader.js";
