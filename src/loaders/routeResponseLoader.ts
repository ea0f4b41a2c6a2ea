// Route responses by region and identifier, one loader per GraphQL request. `node`, `nodes`,
// `routeResponse`, list items and write results all read through it: a key asked for twice costs one
// GetResource, and distinct keys of one tick are fetched together.
import DataLoader from "dataloader";
import type { RouteResponseCloudControl } from "../cloudcontrol/routeResponseApi.js";
import type { RouteResponseModel } from "../routeResponses/index.js";
import { parallelBatch } from "./batchLoad.js";
import type { Semaphore } from "../pacing/index.js";

export interface RouteResponseKey {
  region: string;
  identifier: string;
}

/** A missing route response is null (Relay wants null, not an error). */
export type RouteResponseLoader = DataLoader<RouteResponseKey, RouteResponseModel | null, string>;

/** Regions have no `/`, so region/identifier is unambiguous. */
export const routeResponseCacheKey = (key: RouteResponseKey): string => `${key.region}/${key.identifier}`;

export function createRouteResponseLoader(
  cloudControl: Pick<RouteResponseCloudControl, "getRouteResponse">,
  semaphore: Semaphore,
  onBatch?: (size: number) => void,
): RouteResponseLoader {
  const loader: RouteResponseLoader = new DataLoader(
    parallelBatch(() => loader, (key) => cloudControl.getRouteResponse(key.region, key.identifier), semaphore, onBatch),
    { cacheKeyFn: routeResponseCacheKey },
  );
  return loader;
}
