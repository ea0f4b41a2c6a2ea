// The backing models of the GraphQL RouteResponse type (codegen's mapper): field resolvers receive
// these, never the GraphQL shape.
import type { RouteResponseIdentity } from "./identifier.js";
import { formatRouteResponseIdentifier } from "./identifier.js";

/** A route response as GetResource returns it: the full Cloud Control model. */
export interface RouteResponseModel extends RouteResponseIdentity {
  region: string;
  identifier: string;
  /** The parsed `ResourceDescription.Properties`. */
  properties: Record<string, unknown>;
}

/**
 * What a RouteResponse field resolves from. Identifier fields are always known; `model` is known when
 * the route response was read with GetResource. List items carry no model: ListResources returns
 * "some or all" properties (reference §2), so their other fields are read through the loader.
 */
export interface RouteResponseParent extends RouteResponseIdentity {
  region: string;
  identifier: string;
  model?: RouteResponseModel;
}

export function routeResponseParent(region: string, identity: RouteResponseIdentity): RouteResponseParent {
  return {
    region,
    identifier: formatRouteResponseIdentifier(identity),
    apiId: identity.apiId,
    routeId: identity.routeId,
    routeResponseId: identity.routeResponseId,
  };
}

export function parentOfModel(model: RouteResponseModel): RouteResponseParent {
  return { ...routeResponseParent(model.region, model), model };
}

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

export const CREATE_ONLY_PROPERTIES: ReadonlySet<string> = new Set([RouteResponseProperty.ApiId, RouteResponseProperty.RouteId]);
export const READ_ONLY_PROPERTIES: ReadonlySet<string> = new Set([RouteResponseProperty.RouteResponseId]);
export const KNOWN_PROPERTIES: ReadonlySet<string> = new Set(Object.values(RouteResponseProperty));

export interface ResponseModelEntry {
  contentType: string;
  modelName: string;
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
