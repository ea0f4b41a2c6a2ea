// Live progress of Cloud Control requests: the shared pollers and their graphql-ws transport.
export { createGraphQLWsServer } from "./graphqlWs.js";
export type { ContextRequest, GraphQLWsOptions, UpgradeHandler } from "./graphqlWs.js";
export { createRequestProgressFeed } from "./requestProgress.js";
export type { PollRequestStatus, RequestProgressEvent, RequestProgressFeed, RequestProgressOptions } from "./requestProgress.js";
