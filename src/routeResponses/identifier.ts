// Cloud Control's primary identifier of AWS::ApiGatewayV2::RouteResponse: `[ApiId, RouteId,
// RouteResponseId]`, as a string the three values in that order joined by `|` (reference §1). The
// codec is the type's descriptor's (src/resourceTypes/); these are the route response names for it.
import type { RouteIdentity, RouteResponseIdentity } from "../resourceTypes/index.js";
import { routeResponseType, routeType } from "../resourceTypes/index.js";

export { MAX_ID_LENGTH, checkIdentifierPart } from "../resourceTypes/index.js";
export type { RouteResponseIdentity } from "../resourceTypes/index.js";

/** The route a route response belongs to: what ListResources needs as its ResourceModel. */
export type RouteRef = RouteIdentity;

export function checkRouteRef(ref: RouteRef, prefix?: string): RouteRef {
  return routeType.checkIdentity(ref, prefix);
}

export function checkRouteResponseIdentity(identity: RouteResponseIdentity, prefix?: string): RouteResponseIdentity {
  return routeResponseType.checkIdentity(identity, prefix);
}

export function formatRouteResponseIdentifier(identity: RouteResponseIdentity): string {
  return routeResponseType.formatIdentifier(identity);
}

/** Parses `ApiId|RouteId|RouteResponseId`; throws BAD_USER_INPUT when it is not one. */
export function parseRouteResponseIdentifier(identifier: string): RouteResponseIdentity {
  return routeResponseType.parseIdentifier(identifier);
}
