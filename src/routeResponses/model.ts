// The backing models of the GraphQL RouteResponse type (codegen's mapper): field resolvers receive
// these, never the GraphQL shape. They are the generic resource models (src/resourceTypes/) with the
// route response's identity.
import type { ResourceModel, ResourceParent, RouteResponseIdentity } from "../resourceTypes/index.js";
import { routeResponseType } from "../resourceTypes/index.js";

export { parentOfModel } from "../resourceTypes/index.js";

/** A route response as GetResource returns it: the full Cloud Control model. */
export type RouteResponseModel = ResourceModel<RouteResponseIdentity>;

/**
 * What a RouteResponse field resolves from. Identifier fields are always known; `model` is known when
 * the route response was read with GetResource. List items carry no model: ListResources returns
 * "some or all" properties (reference §2), so their other fields are read through the loader.
 */
export type RouteResponseParent = ResourceParent<RouteResponseIdentity>;

/** The property names of the type's registry schema (`additionalProperties: false`). */
export const RouteResponseProperty = {
  ApiId: "ApiId",
  RouteId: "RouteId",
  RouteResponseId: "RouteResponseId",
  RouteResponseKey: "RouteResponseKey",
  ModelSelectionExpression: "ModelSelectionExpression",
  ResponseModels: "ResponseModels",
  ResponseParameters: "ResponseParameters",
} as const;
export type RouteResponseProperty = (typeof RouteResponseProperty)[keyof typeof RouteResponseProperty];

export const CREATE_ONLY_PROPERTIES: ReadonlySet<string> = routeResponseType.createOnly;
export const READ_ONLY_PROPERTIES: ReadonlySet<string> = routeResponseType.readOnly;
export const KNOWN_PROPERTIES: ReadonlySet<string> = routeResponseType.properties;

export interface ResponseModelEntry {
  contentType: string;
  modelName: string;
}

/**
 * What a ResponseModel field resolves from (codegen's mapper): the entry, and where its route
 * response lives, since a model name means a model of the same API.
 */
export interface ResponseModelParent extends ResponseModelEntry {
  region: string;
  apiId: string;
}

export interface ResponseParameterEntry {
  name: string;
  required: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** ResponseModels is a map content type -> model name (API Gateway keeps string -> string). */
export function responseModelsOf(properties: Record<string, unknown>): ResponseModelEntry[] {
  const models = properties[RouteResponseProperty.ResponseModels];
  if (!isRecord(models)) return [];
  return Object.entries(models).map(([contentType, modelName]) => ({ contentType, modelName: String(modelName) }));
}

/** ResponseParameters is a map name -> `{ Required: boolean }`. */
export function responseParametersOf(properties: Record<string, unknown>): ResponseParameterEntry[] {
  const parameters = properties[RouteResponseProperty.ResponseParameters];
  if (!isRecord(parameters)) return [];
  return Object.entries(parameters).map(([name, constraint]) => ({
    name,
    required: isRecord(constraint) && constraint.Required === true,
  }));
}
