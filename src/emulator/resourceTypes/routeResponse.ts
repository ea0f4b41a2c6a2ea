// AWS::ApiGatewayV2::RouteResponse, from its registry schema (shared reference and §1): the type
// this project exists for.
import type { HandlerContext, HandlerFailure, Properties, ResourceType } from "./model.js";
import { missingRoute } from "./parents.js";

export const ROUTE_RESPONSE_TYPE = "AWS::ApiGatewayV2::RouteResponse";

/** The one route response key API Gateway supports on WebSocket routes (reference §7). */
export const DEFAULT_ROUTE_RESPONSE_KEY = "$default";

/**
 * API Gateway documents `$default` as the only route response key of a WebSocket route, so a route
 * has at most one route response. The `lenientRouteResponseKeys` option lifts this for tests.
 * UNDOCUMENTED: the wording of the refusal; the handler fails with InvalidRequest, the code a
 * handler gives for API Gateway's BadRequestException.
 */
function unsupportedKey(model: Properties, ctx: HandlerContext): HandlerFailure | undefined {
  if (ctx.lenientRouteResponseKeys || model.RouteResponseKey === DEFAULT_ROUTE_RESPONSE_KEY) return undefined;
  return {
    errorCode: "InvalidRequest",
    message: `RouteResponseKey ${JSON.stringify(model.RouteResponseKey)} is not supported: a WebSocket route only takes the ${DEFAULT_ROUTE_RESPONSE_KEY} route response key`,
  };
}

function handlerChecks(model: Properties, ctx: HandlerContext): HandlerFailure | undefined {
  const models = model.ResponseModels;
  // The schema says only "object"; API Gateway stores a content type -> model name map and rejects
  // anything else when the handler calls it.
  if (models !== undefined && Object.values(models as object).some((name) => typeof name !== "string")) {
    return { errorCode: "InvalidRequest", message: "Invalid ResponseModels: each content type must map to a model name (string)" };
  }
  const keyFailure = unsupportedKey(model, ctx);
  if (keyFailure) return keyFailure;
  const clash = ctx.resources
    .all(ROUTE_RESPONSE_TYPE)
    .find(
      (r) =>
        r.ApiId === model.ApiId &&
        r.RouteId === model.RouteId &&
        r.RouteResponseKey === model.RouteResponseKey &&
        r.RouteResponseId !== model.RouteResponseId,
    );
  if (clash) {
    return { errorCode: "AlreadyExists", message: `RouteResponse with key ${String(model.RouteResponseKey)} already exists for this Route` };
  }
  return undefined;
}

export const routeResponseType: ResourceType = {
  typeName: ROUTE_RESPONSE_TYPE,
  schema: {
    properties: {
      RouteResponseKey: { type: "string" },
      ResponseParameters: { type: "parameterConstraintsMap" },
      RouteId: { type: "string" },
      ModelSelectionExpression: { type: "string" },
      ApiId: { type: "string" },
      ResponseModels: { type: "object" },
      RouteResponseId: { type: "string" },
    },
    required: ["RouteResponseKey", "RouteId", "ApiId"],
  },
  primaryIdentifier: ["ApiId", "RouteId", "RouteResponseId"],
  createOnly: ["ApiId", "RouteId"],
  readOnly: ["RouteResponseId"],
  writeOnly: [],
  // UNDOCUMENTED: the registry schema declares no list handlerSchema for this type, but API
  // Gateway's own list call needs both parents, so the emulator requires both (as the issue asks).
  listRequires: ["ApiId", "RouteId"],
  dependents: [],
  assign(desired, ctx) {
    return { ...desired, RouteResponseId: typeof desired.RouteResponseId === "string" ? desired.RouteResponseId : ctx.newId(7) };
  },
  checkCreate(model, ctx) {
    const parent = missingRoute(model.ApiId, model.RouteId, ctx);
    if (parent) return parent;
    const api = ctx.resources.find("AWS::ApiGatewayV2::Api", String(model.ApiId));
    if (api?.ProtocolType !== "WEBSOCKET") {
      return { errorCode: "InvalidRequest", message: "Route responses are supported only for WebSocket APIs" };
    }
    return handlerChecks(model, ctx);
  },
  checkUpdate(model, _previous, ctx) {
    return handlerChecks(model, ctx);
  },
  checkListParent(model, ctx) {
    return missingRoute(model.ApiId, model.RouteId, ctx);
  },
};
