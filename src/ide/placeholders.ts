// The placeholders the IDE's example tabs hold outside the demo (YOUR_API_ID, YOUR_REQUEST_TOKEN,
// ...), and their refusal: a tab run before its placeholder is replaced answers "replace the
// placeholder" and where to find a real value, rather than the format error the value would earn.
// A placeholder is `YOUR_` and upper-case letters and `_`: upper case is in no API Gateway id, `_` in
// no request token, and this API's node ids start `Wz` (base64url of `[1,`), so no real value is
// ever taken for one.
import { badUserInput } from "../errors.js";

/** The examples' placeholders, by what they stand for. */
export const PLACEHOLDERS = {
  apiId: "YOUR_API_ID",
  routeId: "YOUR_ROUTE_ID",
  routeResponseId: "YOUR_ROUTE_RESPONSE_ID",
  requestToken: "YOUR_REQUEST_TOKEN",
  nodeId: "YOUR_NODE_ID",
} as const;

const PLACEHOLDER = /^YOUR_[A-Z_]{1,40}$/;

/** Where a real value comes from, by placeholder: the example tab that returns one. */
const SOURCES: Record<string, string> = {
  [PLACEHOLDERS.apiId]: "an apiId that ListWebSocketApis returns",
  [PLACEHOLDERS.routeId]: "a routeId that ApiRoutesGraph returns",
  [PLACEHOLDERS.routeResponseId]: "a routeResponseId that ApiRoutesGraph, ListRouteResponses or CreateRouteResponse returns",
  [PLACEHOLDERS.requestToken]: "the request.requestToken a write returns, or one ListResourceRequests lists",
  [PLACEHOLDERS.nodeId]: "an `id` another result returns",
};

/**
 * Throws BAD_USER_INPUT, naming `argumentName`, when `value` is a placeholder: the message repeats
 * it (its shape is safe to echo) and says what to put in its place.
 */
export function refusePlaceholder(argumentName: string, value: string): void {
  if (!PLACEHOLDER.test(value)) return;
  throw badUserInput(`${argumentName} still holds the placeholder ${value}: replace it with ${SOURCES[value] ?? "a real value"}.`);
}
