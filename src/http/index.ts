// The node:http adapter: the HTTP door, the WebSocket door and the routes beside them.
export { CORS_ALLOWED_HEADERS, CORS_ALLOWED_METHODS, GRAPHQL_VARY } from "./cors.js";
export { createIdeHandler } from "./ide.js";
export type { IdeHandler } from "./ide.js";
export { REQUEST_ID_HEADER, requestIdFrom } from "./requestId.js";
export { securityHeadersFor } from "./securityHeaders.js";
export { streamFramingOf } from "./streams.js";
export { GRAPHQL_PATH, startHttpServer } from "./server.js";
export type { HttpRoute, HttpServerOptions, RunningHttpServer } from "./server.js";
export type { UpgradeHandler } from "./webSocket.js";
