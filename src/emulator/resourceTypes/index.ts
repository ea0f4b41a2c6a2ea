export type { HandlerContext, HandlerErrorCode, HandlerFailure, Properties, RegionResources, ResourceType } from "./model.js";
export { identifierOf, pointerOf } from "./model.js";
export { schemaViolations, modelValidationMessage, violationsSummary } from "./schemaValidation.js";
export { API_TYPE, apiType } from "./api.js";
export { ROUTE_TYPE, routeType } from "./route.js";
export { DEFAULT_ROUTE_RESPONSE_KEY, ROUTE_RESPONSE_TYPE, routeResponseType } from "./routeResponse.js";
export { MODEL_TYPE, modelType } from "./apiModel.js";
import { apiType } from "./api.js";
import { modelType } from "./apiModel.js";
import { routeType } from "./route.js";
import { routeResponseType } from "./routeResponse.js";
import type { ResourceType } from "./model.js";

/** The types the emulator serves; any other TypeName is TypeNotFoundException. */
export const RESOURCE_TYPES: ReadonlyMap<string, ResourceType> = new Map(
  [apiType, routeType, routeResponseType, modelType].map((t) => [t.typeName, t]),
);
