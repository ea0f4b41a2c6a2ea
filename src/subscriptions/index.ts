// Live progress of Cloud Control requests: the shared pollers (the WebSocket door is src/http/webSocket.ts).
export { createRequestProgressFeed } from "./requestProgress.js";
export type { PollRequestStatus, RequestProgressEvent, RequestProgressFeed, RequestProgressOptions } from "./requestProgress.js";
