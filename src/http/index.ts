export { createGraphQLHandler } from "./nodeHttpHandler.js";
export type { GraphQLEndpoint, GraphQLHandlerOptions } from "./nodeHttpHandler.js";
export { startHttpServer } from "./nodeHttpServer.js";
export type { HttpServerOptions, RunningHttpServer } from "./nodeHttpServer.js";
