// Resource requests by region and request token, one loader per GraphQL request: `resourceRequest`
// asked twice costs one GetResourceRequestStatus, and writes prime what they answered.
import DataLoader from "dataloader";
import type { ResourceRequestModel } from "../cloudcontrol/resourceRequest.js";
import type { CloudControlFacade } from "../cloudcontrol/facade.js";
import { parallelBatch } from "./batchLoad.js";
import type { Semaphore } from "../pacing/index.js";

export interface ResourceRequestKey {
  region: string;
  requestToken: string;
}

export type ResourceRequestLoader = DataLoader<ResourceRequestKey, ResourceRequestModel | null, string>;

export const resourceRequestCacheKey = (key: ResourceRequestKey): string => `${key.region}/${key.requestToken}`;

export function createResourceRequestLoader(
  cloudControl: Pick<CloudControlFacade, "getRequestStatus">,
  semaphore: Semaphore,
  onBatch?: (size: number) => void,
): ResourceRequestLoader {
  const loader: ResourceRequestLoader = new DataLoader(
    parallelBatch(() => loader, (key) => cloudControl.getRequestStatus(key.region, key.requestToken), semaphore, onBatch),
    { cacheKeyFn: resourceRequestCacheKey },
  );
  return loader;
}
