// AWS::ApiGatewayV2::Route, from its registry schema (shared reference): identifier ApiId|RouteId,
// write-only AuthorizerId and RequestParameters, list needs ResourceModel {ApiId}.
import type { HandlerContext, Properties, ResourceType } from "./model.js";
import { missingApi } from "./parents.js";

export const ROUTE_TYPE = "AWS::ApiGatewayV2::Route";

function duplicateKey(model: Properties, ctx: HandlerContext) {
  const clash = ctx.resources
    .all(ROUTE_TYPE)
    .find((r) => r.ApiId === model.ApiId && r.RouteKey === model.RouteKey && r.RouteId !== model.RouteId);
  return clash ? { errorCode: "AlreadyExists" as const, message: `Route with key ${String(model.RouteKey)} already exists for this API` } : undefined;
}

export const routeType: ResourceType = {
  typeName: ROUTE_TYPE,
  schema: {
    properties: {
      RouteId: { type: "string" },
      RouteResponseSelectionExpression: { type: "string" },
      RequestModels: { type: "object" },
      OperationName: { type: "string" },
      AuthorizationScopes: { type: "stringArray" },
      ApiKeyRequired: { type: "boolean" },
      RouteKey: { type: "string" },
      AuthorizationType: { type: "string" },
      ModelSelectionExpression: { type: "string" },
      ApiId: { type: "string" },
      RequestParameters: { type: "object" },
      Target: { type: "string" },
      AuthorizerId: { type: "string" },
    },
    required: ["RouteKey", "ApiId"],
  },
  primaryIdentifier: ["ApiId", "RouteId"],
  createOnly: ["ApiId"],
  readOnly: ["RouteId"],
  writeOnly: ["AuthorizerId", "RequestParameters"],
  listRequires: ["ApiId"],
  dependents: [{ typeName: "AWS::ApiGatewayV2::RouteResponse", keys: ["ApiId", "RouteId"] }],
  assign(desired, ctx) {
    return { ...desired, RouteId: typeof desired.RouteId === "string" ? desired.RouteId : ctx.newId(7) };
  },
  checkCreate(model, ctx) {
    return missingApi(model.ApiId, ctx) ?? duplicateKey(model, ctx);
  },
  checkUpdate(model, _previous, ctx) {
    return duplicateKey(model, ctx);
  },
  checkListParent(model, ctx) {
    return missingApi(model.ApiId, ctx);
  },
};
