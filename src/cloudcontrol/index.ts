// The only code that talks to AWS: clients per region, the facade generic over resource types, error
// classification and waiting for requests. No GraphQL here. This index loads the SDK; code above
// the facade (resolvers) imports the SDK-free files (resourceRequest.ts, region.ts) directly.
export { createCloudControlClients, resolveDefaultRegion } from "./client.js";
export type { CloudControlClientOptions, CloudControlClients, StaticCredentials } from "./client.js";
export { classifyCloudControlError, isTransient } from "./errors.js";
export { createRegionPolicy, isRegionName } from "./region.js";
export type { RegionPolicy, RegionPolicyOptions } from "./region.js";
export { OperationStatus, ResourceOperation, isDone, resourceRequestOf } from "./resourceRequest.js";
export type { ResourceRequestModel } from "./resourceRequest.js";
export { createCloudControlFacade } from "./facade.js";
export type { CloudControlFacade, CloudControlFacadeOptions, ListedResource, ResourcePage, ResourceRequestFilter, ResourceRequestPage } from "./facade.js";
export { systemClock, waitForRequest } from "./waitForRequest.js";
export type { PollRequest, WaitClock, WaitOptions } from "./waitForRequest.js";
