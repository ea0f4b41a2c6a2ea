// The resource types the gateway serves, each a descriptor over its registry schema data. No GraphQL,
// no AWS SDK.
export { parentOfIdentity, parentOfModel } from "./descriptor.js";
export type { DescriptorNames, Identity, IdentityLike, ResourceModel, ResourceParent, ResourceTypeDescriptor, ResourceTypeSchema } from "./descriptor.js";
export { MAX_ID_LENGTH, checkIdentifierPart } from "./ids.js";
export { apiType } from "./api.js";
export type { ApiIdentity, ApiParent } from "./api.js";
export { routeType } from "./route.js";
export type { RouteIdentity, RouteParent } from "./route.js";
export { routeResponseType } from "./routeResponse.js";
export type { RouteResponseIdentity } from "./routeResponse.js";
