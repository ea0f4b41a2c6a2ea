// AWS::ApiGatewayV2::Api, as far as route responses and models need it (reference §7): WebSocket and HTTP
// APIs with their identity, name, protocol and route selection expression.
import type { HandlerContext, Properties, ResourceType } from "./model.js";

export const API_TYPE = "AWS::ApiGatewayV2::Api";

const HTTP_ROUTE_SELECTION_DEFAULT = "${request.method} ${request.path}";

export const apiType: ResourceType = {
  typeName: API_TYPE,
  schema: {
    properties: {
      ApiId: { type: "string" },
      ApiEndpoint: { type: "string" },
      ExecuteApiArn: { type: "string" },
      Name: { type: "string" },
      ProtocolType: { type: "string" },
      RouteSelectionExpression: { type: "string" },
      Description: { type: "string" },
      Version: { type: "string" },
      ApiKeySelectionExpression: { type: "string" },
      DisableExecuteApiEndpoint: { type: "boolean" },
      DisableSchemaValidation: { type: "boolean" },
      IpAddressType: { type: "string" },
      Tags: { type: "stringMap" },
    },
    // The real schema needs Name unless an OpenAPI Body is given; the emulator takes no Body.
    required: ["Name"],
  },
  primaryIdentifier: ["ApiId"],
  createOnly: ["ProtocolType"],
  readOnly: ["ApiId", "ApiEndpoint", "ExecuteApiArn"],
  // Of the schema's write-only properties the emulator takes only this one (no Body, no quick create).
  writeOnly: ["DisableSchemaValidation"],
  listRequires: [],
  dependents: [
    { typeName: "AWS::ApiGatewayV2::Route", keys: ["ApiId"] },
    { typeName: "AWS::ApiGatewayV2::RouteResponse", keys: ["ApiId"] },
    { typeName: "AWS::ApiGatewayV2::Model", keys: ["ApiId"] },
  ],
  assign(desired: Properties, ctx: HandlerContext): Properties {
    const apiId = typeof desired.ApiId === "string" ? desired.ApiId : ctx.newId(10);
    const protocol = desired.ProtocolType === "HTTP" ? "HTTP" : "WEBSOCKET";
    const scheme = protocol === "HTTP" ? "https" : "wss";
    const model: Properties = {
      ...desired,
      ApiId: apiId,
      ApiEndpoint: `${scheme}://${apiId}.execute-api.${ctx.region}.amazonaws.com`,
      ExecuteApiArn: `arn:aws:execute-api:${ctx.region}:${ctx.accountId}:${apiId}`,
    };
    if (protocol === "HTTP" && model.RouteSelectionExpression === undefined) {
      model.RouteSelectionExpression = HTTP_ROUTE_SELECTION_DEFAULT;
    }
    return model;
  },
  checkCreate(model) {
    if (model.ProtocolType !== "WEBSOCKET" && model.ProtocolType !== "HTTP") {
      return { errorCode: "InvalidRequest", message: "ProtocolType must be one of [WEBSOCKET, HTTP]" };
    }
    if (model.ProtocolType === "WEBSOCKET" && model.RouteSelectionExpression === undefined) {
      return { errorCode: "InvalidRequest", message: "RouteSelectionExpression is required for WEBSOCKET APIs" };
    }
    return undefined;
  },
  checkUpdate() {
    return undefined;
  },
  checkListParent() {
    return undefined;
  },
};
