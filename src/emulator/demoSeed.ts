import type { SeedDocument, SeedResource } from "./options.js";

// What an account with a few WebSocket APIs looks like in API Gateway: a chat API, a market data
// feed and a game lobby (WebSocket), an HTTP API beside them, and a notifications API in another
// region. Two-way routes (RouteResponseSelectionExpression set) have their one `$default` route
// response; one-way routes have none. Route responses name models of their API in ResponseModels;
// one names a model that does not exist (API Gateway does not check the names), so clients meet a
// dangling name. The ids are fixed so the docs, the IDE's example operations and the tests can
// name them; they follow API Gateway's id shape (ten lower-case letters and digits for APIs, seven
// for routes, route responses and models). The IDE's tabs run as shipped: `sendMessage`'s route
// response comes with the finished request that created it (a real token to follow), and
// `setTopic`'s is there for the delete tab to remove.

export const DEMO_REGION = "us-east-1";
export const DEMO_API_ID = "chat7a1b2c";
export const DEMO_ROUTES = {
  connect: "cnct001",
  disconnect: "dcnt001",
  default: "dflt001",
  sendMessage: "send001",
  joinRoom: "join001",
  sendPrivateMessage: "sprv001",
  leaveRoom: "leav001",
  typing: "typn001",
  /** Two-way; its route response is the one the IDE's delete tab removes. */
  setTopic: "topc001",
} as const;
export const DEMO_ROUTE_RESPONSES = {
  connectDefault: "rrc0001",
  defaultDefault: "rrd0001",
  sendMessageDefault: "rrs0001",
  /** Its ResponseModels name `DeliveryReceipt`, which no model of the API has. */
  sendPrivateMessageDefault: "rrs0002",
  joinRoomDefault: "rrj0001",
  /** The IDE's delete tab removes it: a demo run once has it, later ones do not. */
  setTopicDefault: "rrt0001",
} as const;
/** The token of the finished CREATE request that made `sendMessage`'s route response. */
export const DEMO_REQUEST_TOKEN = "5eed0000-c4a7-4e5d-9a11-000000000001";
/** The chat API's models, by name. */
export const DEMO_MODELS = {
  Empty: "mdc0001",
  MessageAck: "mdc0002",
  RoomState: "mdc0003",
  TextMessage: "mdc0004",
} as const;
/** The model name a demo route response refers to that resolves to no model. */
export const DEMO_MISSING_MODEL_NAME = "DeliveryReceipt";
/** The other APIs of the demo account in us-east-1. */
export const DEMO_FEED_API_ID = "mkt4d5e6f7";
export const DEMO_GAME_API_ID = "game8h9i0j";
export const DEMO_HTTP_API_ID = "shop2k3l4m";
/** A second API in another region, so region arguments have something to find. */
export const DEMO_WEST_REGION = "eu-west-1";
export const DEMO_WEST_API_ID = "ntfy9x8y7z";
export const DEMO_WEST_ROUTE_ID = "push001";
export const DEMO_WEST_ROUTE_RESPONSE_ID = "rrp0001";

const WEBSOCKET_SELECTION = "$request.body.action";

const websocketApi = (apiId: string, name: string, description: string): SeedResource => ({
  typeName: "AWS::ApiGatewayV2::Api",
  properties: { ApiId: apiId, Name: name, ProtocolType: "WEBSOCKET", RouteSelectionExpression: WEBSOCKET_SELECTION, Description: description },
});

const route = (apiId: string, routeId: string, routeKey: string, extra: Record<string, unknown> = {}): SeedResource => ({
  typeName: "AWS::ApiGatewayV2::Route",
  properties: { ApiId: apiId, RouteId: routeId, RouteKey: routeKey, ...extra },
});

/** A route whose integration's answer goes back to the client: it has a `$default` route response. */
const twoWay = (apiId: string, routeId: string, routeKey: string, extra: Record<string, unknown> = {}) =>
  route(apiId, routeId, routeKey, { RouteResponseSelectionExpression: "$default", ...extra });

const routeResponse = (apiId: string, routeId: string, routeResponseId: string, props: Record<string, unknown> = {}): SeedResource => ({
  typeName: "AWS::ApiGatewayV2::RouteResponse",
  properties: { ApiId: apiId, RouteId: routeId, RouteResponseId: routeResponseId, RouteResponseKey: "$default", ...props },
});

const json = (modelName: string) => ({ "application/json": modelName });

const objectSchema = (title: string, properties: Record<string, string>, required: string[] = Object.keys(properties)) => ({
  $schema: "http://json-schema.org/draft-04/schema#",
  title,
  type: "object",
  properties: Object.fromEntries(Object.entries(properties).map(([name, type]) => [name, { type }])),
  required,
});

const model = (apiId: string, modelId: string, name: string, schema: Record<string, unknown>, description?: string): SeedResource => ({
  typeName: "AWS::ApiGatewayV2::Model",
  properties: { ApiId: apiId, ModelId: modelId, Name: name, ContentType: "application/json", Schema: schema, ...(description ? { Description: description } : {}) },
});

const chat: SeedResource[] = [
  websocketApi(DEMO_API_ID, "chat-websocket", "Chat rooms over WebSocket: connect, join a room, send messages."),
  model(DEMO_API_ID, DEMO_MODELS.Empty, "Empty", { $schema: "http://json-schema.org/draft-04/schema#", title: "Empty", type: "object" }, "No payload."),
  model(DEMO_API_ID, DEMO_MODELS.MessageAck, "MessageAck", objectSchema("MessageAck", { messageId: "string", room: "string", sentAt: "string" }), "The server's receipt for a message."),
  model(DEMO_API_ID, DEMO_MODELS.RoomState, "RoomState", objectSchema("RoomState", { room: "string", members: "array", topic: "string" }, ["room", "members"])),
  model(DEMO_API_ID, DEMO_MODELS.TextMessage, "TextMessage", objectSchema("TextMessage", { action: "string", room: "string", text: "string" })),
  twoWay(DEMO_API_ID, DEMO_ROUTES.connect, "$connect"),
  route(DEMO_API_ID, DEMO_ROUTES.disconnect, "$disconnect"),
  twoWay(DEMO_API_ID, DEMO_ROUTES.default, "$default"),
  twoWay(DEMO_API_ID, DEMO_ROUTES.sendMessage, "sendMessage", { ModelSelectionExpression: "$request.body.type", RequestModels: { text: "TextMessage" } }),
  twoWay(DEMO_API_ID, DEMO_ROUTES.joinRoom, "joinRoom"),
  twoWay(DEMO_API_ID, DEMO_ROUTES.sendPrivateMessage, "sendPrivateMessage"),
  route(DEMO_API_ID, DEMO_ROUTES.leaveRoom, "leaveRoom"),
  route(DEMO_API_ID, DEMO_ROUTES.typing, "typing"),
  twoWay(DEMO_API_ID, DEMO_ROUTES.setTopic, "setTopic"),
  routeResponse(DEMO_API_ID, DEMO_ROUTES.connect, DEMO_ROUTE_RESPONSES.connectDefault),
  routeResponse(DEMO_API_ID, DEMO_ROUTES.default, DEMO_ROUTE_RESPONSES.defaultDefault, { ResponseModels: json("Empty") }),
  {
    ...routeResponse(DEMO_API_ID, DEMO_ROUTES.sendMessage, DEMO_ROUTE_RESPONSES.sendMessageDefault, {
      ModelSelectionExpression: "$context.status",
      ResponseModels: json("MessageAck"),
      ResponseParameters: {
        "method.response.header.X-Message-Id": { Required: true },
        "method.response.header.X-Room": { Required: false },
      },
    }),
    requestToken: DEMO_REQUEST_TOKEN,
  },
  routeResponse(DEMO_API_ID, DEMO_ROUTES.sendPrivateMessage, DEMO_ROUTE_RESPONSES.sendPrivateMessageDefault, { ResponseModels: json(DEMO_MISSING_MODEL_NAME) }),
  routeResponse(DEMO_API_ID, DEMO_ROUTES.joinRoom, DEMO_ROUTE_RESPONSES.joinRoomDefault, {
    ResponseModels: json("RoomState"),
    ResponseParameters: { "method.response.header.X-Room": { Required: true } },
  }),
  routeResponse(DEMO_API_ID, DEMO_ROUTES.setTopic, DEMO_ROUTE_RESPONSES.setTopicDefault, { ResponseModels: json("RoomState") }),
];

const feed: SeedResource[] = [
  websocketApi(DEMO_FEED_API_ID, "market-feed", "Live quotes and order entry for trading screens."),
  model(DEMO_FEED_API_ID, "mdm0001", "Quote", objectSchema("Quote", { symbol: "string", bid: "number", ask: "number", at: "string" })),
  model(DEMO_FEED_API_ID, "mdm0002", "OrderAck", objectSchema("OrderAck", { orderId: "string", status: "string" })),
  model(DEMO_FEED_API_ID, "mdm0003", "Positions", objectSchema("Positions", { account: "string", positions: "array" })),
  model(DEMO_FEED_API_ID, "mdm0004", "SubscriptionAck", objectSchema("SubscriptionAck", { symbols: "array" })),
  twoWay(DEMO_FEED_API_ID, "mcon001", "$connect"),
  route(DEMO_FEED_API_ID, "mdis001", "$disconnect"),
  route(DEMO_FEED_API_ID, "mdef001", "$default"),
  twoWay(DEMO_FEED_API_ID, "msub001", "subscribe"),
  twoWay(DEMO_FEED_API_ID, "muns001", "unsubscribe"),
  twoWay(DEMO_FEED_API_ID, "mquo001", "getQuote", { ModelSelectionExpression: "$request.body.kind" }),
  twoWay(DEMO_FEED_API_ID, "mord001", "placeOrder", { ApiKeyRequired: true }),
  twoWay(DEMO_FEED_API_ID, "mcan001", "cancelOrder", { ApiKeyRequired: true }),
  twoWay(DEMO_FEED_API_ID, "mpos001", "getPositions"),
  route(DEMO_FEED_API_ID, "mhbt001", "heartbeat"),
  routeResponse(DEMO_FEED_API_ID, "mcon001", "rrm0001"),
  routeResponse(DEMO_FEED_API_ID, "msub001", "rrm0002", { ResponseModels: json("SubscriptionAck") }),
  routeResponse(DEMO_FEED_API_ID, "muns001", "rrm0003", { ResponseModels: json("SubscriptionAck") }),
  routeResponse(DEMO_FEED_API_ID, "mquo001", "rrm0004", { ModelSelectionExpression: "$context.status", ResponseModels: json("Quote") }),
  routeResponse(DEMO_FEED_API_ID, "mord001", "rrm0005", {
    ResponseModels: json("OrderAck"),
    ResponseParameters: { "method.response.header.X-Order-Id": { Required: true } },
  }),
  routeResponse(DEMO_FEED_API_ID, "mcan001", "rrm0006", { ResponseModels: json("OrderAck") }),
  routeResponse(DEMO_FEED_API_ID, "mpos001", "rrm0007", { ResponseModels: json("Positions") }),
];

const game: SeedResource[] = [
  websocketApi(DEMO_GAME_API_ID, "game-lobby", "Matchmaking and turns for a board game."),
  model(DEMO_GAME_API_ID, "mdg0001", "GameState", objectSchema("GameState", { gameId: "string", players: "array", turn: "integer" })),
  model(DEMO_GAME_API_ID, "mdg0002", "MoveResult", objectSchema("MoveResult", { accepted: "boolean", reason: "string" }, ["accepted"])),
  model(DEMO_GAME_API_ID, "mdg0003", "Empty", { $schema: "http://json-schema.org/draft-04/schema#", title: "Empty", type: "object" }),
  route(DEMO_GAME_API_ID, "gcon001", "$connect", { AuthorizationType: "NONE" }),
  route(DEMO_GAME_API_ID, "gdis001", "$disconnect"),
  twoWay(DEMO_GAME_API_ID, "gdef001", "$default"),
  twoWay(DEMO_GAME_API_ID, "gnew001", "createGame"),
  twoWay(DEMO_GAME_API_ID, "gjoi001", "joinGame"),
  route(DEMO_GAME_API_ID, "glea001", "leaveGame"),
  twoWay(DEMO_GAME_API_ID, "gmov001", "move", { ModelSelectionExpression: "$request.body.piece" }),
  route(DEMO_GAME_API_ID, "gcht001", "chat"),
  route(DEMO_GAME_API_ID, "grdy001", "ready"),
  routeResponse(DEMO_GAME_API_ID, "gdef001", "rrg0001", { ResponseModels: json("Empty") }),
  routeResponse(DEMO_GAME_API_ID, "gnew001", "rrg0002", { ResponseModels: json("GameState") }),
  routeResponse(DEMO_GAME_API_ID, "gjoi001", "rrg0003", { ResponseModels: json("GameState") }),
  routeResponse(DEMO_GAME_API_ID, "gmov001", "rrg0004", { ModelSelectionExpression: "$context.status", ResponseModels: json("MoveResult") }),
];

/** HTTP APIs have routes but neither route responses nor models. */
const shop: SeedResource[] = [
  {
    typeName: "AWS::ApiGatewayV2::Api",
    properties: { ApiId: DEMO_HTTP_API_ID, Name: "orders-http", ProtocolType: "HTTP", Description: "Order history for the shop's web site." },
  },
  route(DEMO_HTTP_API_ID, "hget001", "GET /orders"),
  route(DEMO_HTTP_API_ID, "hpst001", "POST /orders"),
  route(DEMO_HTTP_API_ID, "hone001", "GET /orders/{orderId}"),
  route(DEMO_HTTP_API_ID, "hdef001", "$default"),
];

const west: SeedResource[] = [
  websocketApi(DEMO_WEST_API_ID, "notifications-websocket", "Push notifications to browsers."),
  twoWay(DEMO_WEST_API_ID, DEMO_WEST_ROUTE_ID, "$default"),
  route(DEMO_WEST_API_ID, "wsub001", "subscribe"),
  route(DEMO_WEST_API_ID, "wack001", "ack"),
  routeResponse(DEMO_WEST_API_ID, DEMO_WEST_ROUTE_ID, DEMO_WEST_ROUTE_RESPONSE_ID),
].map((resource) => ({ region: DEMO_WEST_REGION, ...resource }));

export const demoSeed: SeedDocument = { resources: [...chat, ...feed, ...game, ...shop, ...west] };
