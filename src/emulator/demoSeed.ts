import type { SeedDocument } from "./options.js";

// A small WebSocket chat API, as a team would configure it in API Gateway. The ids are fixed so the
// README, the IDE's example operations and the tests can name them; they follow API Gateway's id
// shape (ten lower-case letters and digits for APIs, seven for routes and route responses).

export const DEMO_REGION = "us-east-1";
export const DEMO_API_ID = "chat7a1b2c";
export const DEMO_ROUTES = {
  connect: "cnct001",
  disconnect: "dcnt001",
  default: "dflt001",
  sendMessage: "send001",
  joinRoom: "join001",
} as const;
export const DEMO_ROUTE_RESPONSES = {
  connectDefault: "rrc0001",
  defaultDefault: "rrd0001",
  sendMessageDefault: "rrs0001",
  sendMessageError: "rrs0002",
  joinRoomDefault: "rrj0001",
} as const;
/** A second API in another region, so region arguments have something to find. */
export const DEMO_WEST_REGION = "eu-west-1";
export const DEMO_WEST_API_ID = "ntfy9x8y7z";
export const DEMO_WEST_ROUTE_ID = "push001";
export const DEMO_WEST_ROUTE_RESPONSE_ID = "rrp0001";

const api = (apiId: string, name: string, description: string) => ({
  typeName: "AWS::ApiGatewayV2::Api",
  properties: {
    ApiId: apiId,
    Name: name,
    ProtocolType: "WEBSOCKET",
    RouteSelectionExpression: "$request.body.action",
    Description: description,
  },
});

const route = (apiId: string, routeId: string, routeKey: string, extra: Record<string, unknown> = {}) => ({
  typeName: "AWS::ApiGatewayV2::Route",
  properties: { ApiId: apiId, RouteId: routeId, RouteKey: routeKey, ...extra },
});

const routeResponse = (apiId: string, routeId: string, routeResponseId: string, props: Record<string, unknown>) => ({
  typeName: "AWS::ApiGatewayV2::RouteResponse",
  properties: { ApiId: apiId, RouteId: routeId, RouteResponseId: routeResponseId, ...props },
});

export const demoSeed: SeedDocument = {
  resources: [
    api(DEMO_API_ID, "chat-websocket", "Chat rooms over WebSocket: connect, join a room, send messages."),
    route(DEMO_API_ID, DEMO_ROUTES.connect, "$connect", { RouteResponseSelectionExpression: "$default" }),
    route(DEMO_API_ID, DEMO_ROUTES.disconnect, "$disconnect"),
    route(DEMO_API_ID, DEMO_ROUTES.default, "$default", { RouteResponseSelectionExpression: "$default" }),
    route(DEMO_API_ID, DEMO_ROUTES.sendMessage, "sendMessage", {
      RouteResponseSelectionExpression: "$default",
      ModelSelectionExpression: "$request.body.type",
      RequestModels: { text: "TextMessage" },
    }),
    route(DEMO_API_ID, DEMO_ROUTES.joinRoom, "joinRoom", { RouteResponseSelectionExpression: "$default" }),
    routeResponse(DEMO_API_ID, DEMO_ROUTES.connect, DEMO_ROUTE_RESPONSES.connectDefault, {
      RouteResponseKey: "$default",
    }),
    routeResponse(DEMO_API_ID, DEMO_ROUTES.default, DEMO_ROUTE_RESPONSES.defaultDefault, {
      RouteResponseKey: "$default",
      ResponseModels: { "application/json": "Empty" },
    }),
    routeResponse(DEMO_API_ID, DEMO_ROUTES.sendMessage, DEMO_ROUTE_RESPONSES.sendMessageDefault, {
      RouteResponseKey: "$default",
      ModelSelectionExpression: "$context.status",
      ResponseModels: { "application/json": "MessageAck" },
      ResponseParameters: {
        "method.response.header.X-Message-Id": { Required: true },
        "method.response.header.X-Room": { Required: false },
      },
    }),
    routeResponse(DEMO_API_ID, DEMO_ROUTES.sendMessage, DEMO_ROUTE_RESPONSES.sendMessageError, {
      RouteResponseKey: "error",
      ResponseModels: { "application/json": "Error" },
    }),
    routeResponse(DEMO_API_ID, DEMO_ROUTES.joinRoom, DEMO_ROUTE_RESPONSES.joinRoomDefault, {
      RouteResponseKey: "$default",
      ResponseModels: { "application/json": "RoomState" },
      ResponseParameters: { "method.response.header.X-Room": { Required: true } },
    }),
    { region: DEMO_WEST_REGION, ...api(DEMO_WEST_API_ID, "notifications-websocket", "Push notifications to browsers.") },
    { region: DEMO_WEST_REGION, ...route(DEMO_WEST_API_ID, DEMO_WEST_ROUTE_ID, "$default") },
    {
      region: DEMO_WEST_REGION,
      ...routeResponse(DEMO_WEST_API_ID, DEMO_WEST_ROUTE_ID, DEMO_WEST_ROUTE_RESPONSE_ID, {
        RouteResponseKey: "$default",
      }),
    },
  ],
};
