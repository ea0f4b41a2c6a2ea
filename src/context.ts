// The per-request context: what resolvers may use. New loaders every request, so one caller's
// cached reads never answer another's; everything else is shared and stateless.
import type { RegionPolicy } from "./cloudcontrol/region.js";
import type { ResourceRequestModel } from "./cloudcontrol/resourceRequest.js";
import type { RouteResponseCloudControl } from "./cloudcontrol/routeResponseApi.js";
import type { WaitClock, WaitOptions } from "./cloudcontrol/waitForRequest.js";
import { systemClock, waitForRequest } from "./cloudcontrol/waitForRequest.js";
import type { GatewayLoaders } from "./loaders/index.js";
import { createLoaders } from "./loaders/index.js";

export interface GatewayContext {
  readonly regions: RegionPolicy;
  /** Writes and listings; single reads go through `loaders`. */
  readonly cloudControl: RouteResponseCloudControl;
  readonly loaders: GatewayLoaders;
  /** Waits (per the WAIT_* settings) until the request is done or the limit passes; primes the request loader. */
  waitForRequest(request: ResourceRequestModel): Promise<ResourceRequestModel>;
}

export interface ContextDependencies {
  regions: RegionPolicy;
  cloudControl: RouteResponseCloudControl;
  /** Cloud Control reads one GraphQL request runs at once. */
  maxConcurrency: number;
  wait: WaitOptions;
  clock?: WaitClock;
}

export function createContextFactory(dependencies: ContextDependencies): () => Promise<GatewayContext> {
  const { regions, cloudControl, maxConcurrency, wait } = dependencies;
  const clock = dependencies.clock ?? systemClock;
  return async () => {
    const loaders = createLoaders(cloudControl, maxConcurrency);
    return {
      regions,
      cloudControl,
      loaders,
      async waitForRequest(request) {
        // Polls AWS directly: the loader would answer its cached (stale) status.
        const done = await waitForRequest(request, (latest) => cloudControl.getRequestStatus(latest.region, latest.requestToken), wait, clock);
        const key = { region: done.region, requestToken: done.requestToken };
        loaders.resourceRequest.clear(key).prime(key, done);
        return done;
      },
    };
  };
}
