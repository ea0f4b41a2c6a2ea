// The route response domain: identifiers, backing models, inputs and patches. No GraphQL, no AWS SDK.
export {
  MAX_ID_LENGTH,
  checkIdentifierPart,
  checkRouteRef,
  checkRouteResponseIdentity,
  formatRouteResponseIdentifier,
  parseRouteResponseIdentifier,
} from "./identifier.js";
export type { RouteRef, RouteResponseIdentity } from "./identifier.js";
export {
  RouteResponseProperty,
  parentOfModel,
  responseModelsOf,
  responseParametersOf,
} from "./model.js";
export type { ResponseModelEntry, ResponseModelParent, ResponseParameterEntry, RouteResponseModel, RouteResponseParent } from "./model.js";
export { desiredStateOf, propertyChangesOf } from "./changes.js";
export type { NewRouteResponse, RouteResponseChanges } from "./changes.js";
export { PatchOpName, checkRawPatch, patchForChanges } from "./patch.js";
export type { PatchOperation, RawPatchOperation } from "./patch.js";
