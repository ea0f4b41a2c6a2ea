// DataLoaders for one GraphQL request. Make a new set per request (context.ts): their caches hold
// what this request saw, and must not serve another caller's request.
import type { CloudControlFacade } from "../cloudcontrol/facade.js";
import { Semaphore } from "../pacing/index.js";
import { routeResponseType } from "../resourceTypes/index.js";
import type { RouteResponseIdentity } from "../resourceTypes/index.js";
import type { ResourceRequestLoader } from "./resourceRequestLoader.js";
import { createResourceRequestLoader } from "./resourceRequestLoader.js";
import type { ResourceLoader, ResourceLoaders } from "./resourceLoaders.js";
import { createResourceLoaders } from "./resourceLoaders.js";

export interface GatewayLoaders {
  /** Every resource type's loaders (GetResource, listing pages, whole listings). */
  resources: ResourceLoaders;
  /** The route responses' GetResource loader (`resources.of(routeResponseType).get`). */
  routeResponse: ResourceLoader<RouteResponseIdentity>;
  resourceRequest: ResourceRequestLoader;
}

/**
 * Told the size of every batch a loader dispatches (the dataloader_batch_size metric): `resourceRequest`,
 * or a type's loader (`routeResponse`, `route`, ...) and its listing pages (`routePages`, ...).
 */
export type LoaderBatchObserver = (loader: string, size: number) => void;

/** `concurrency` bounds the Cloud Control calls this request's loaders have in flight together. */
export function createLoaders(
  cloudControl: Pick<CloudControlFacade, "getResource" | "listResources" | "getRequestStatus">,
  concurrency: number,
  onBatch?: LoaderBatchObserver,
): GatewayLoaders {
  const semaphore = new Semaphore(concurrency);
  const resources = createResourceLoaders(cloudControl, semaphore, onBatch);
  // Made on first use, like each type's loaders: most requests need one loader, and a request
  // answered from the gateway's cache none.
  let resourceRequest: ResourceRequestLoader | undefined;
  return {
    resources,
    get routeResponse() {
      return resources.of(routeResponseType).get;
    },
    get resourceRequest() {
      return (resourceRequest ??= createResourceRequestLoader(cloudControl, semaphore, onBatch && ((size) => onBatch("resourceRequest", size))));
    },
  };
}

export { loaderName } from "./resourceLoaders.js";
export type { PageLoader, ResourceLoader, ResourceLoaders, TypeLoaders } from "./resourceLoaders.js";
export { resourceRequestCacheKey } from "./resourceRequestLoader.js";
export type { ResourceRequestKey, ResourceRequestLoader } from "./resourceRequestLoader.js";
