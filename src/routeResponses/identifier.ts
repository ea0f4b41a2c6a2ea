// Cloud Control's primary identifier of AWS::ApiGatewayV2::RouteResponse: `[ApiId, RouteId,
// RouteResponseId]`, as a string the three values in that order joined by `|` (reference §1).
// Checked here, before any AWS call: a `|` inside a part would silently address another resource.
import { badUserInput } from "../errors.js";

export const ROUTE_RESPONSE_TYPE_NAME = "AWS::ApiGatewayV2::RouteResponse";

/** The route a route response belongs to: what ListResources needs as its ResourceModel. */
export interface RouteRef {
  apiId: string;
  routeId: string;
}

export interface RouteResponseIdentity extends RouteRef {
  routeResponseId: string;
}

const SEPARATOR = "|";
/** Cloud Control's Identifier is 1..1024 characters; no part of ours can be longer. */
const MAX_PART_LENGTH = 1000;

/** Throws BAD_USER_INPUT unless `value` can be one part of an identifier. */
export function checkIdentifierPart(argumentName: string, value: string): string {
  if (value.length === 0) throw badUserInput(`${argumentName} must not be empty.`);
  if (value.length > MAX_PART_LENGTH) throw badUserInput(`${argumentName} must be at most ${MAX_PART_LENGTH} characters.`);
  if (value.includes(SEPARATOR)) throw badUserInput(`${argumentName} must not contain "${SEPARATOR}".`);
  if (value.trim() !== value) throw badUserInput(`${argumentName} must not start or end with white space.`);
  return value;
}

export function checkRouteRef(ref: RouteRef): RouteRef {
  return { apiId: checkIdentifierPart("apiId", ref.apiId), routeId: checkIdentifierPart("routeId", ref.routeId) };
}

export function checkRouteResponseIdentity(identity: RouteResponseIdentity): RouteResponseIdentity {
  return { ...checkRouteRef(identity), routeResponseId: checkIdentifierPart("routeResponseId", identity.routeResponseId) };
}

export function formatRouteResponseIdentifier(identity: RouteResponseIdentity): string {
  return [identity.apiId, identity.routeId, identity.routeResponseId].join(SEPARATOR);
}

/** Parses `ApiId|RouteId|RouteResponseId`; throws BAD_USER_INPUT when it is not one. */
export function parseRouteResponseIdentifier(identifier: string): RouteResponseIdentity {
  const parts = identifier.split(SEPARATOR);
  if (parts.length !== 3) {
    throw badUserInput(`A route response identifier has three parts, ApiId|RouteId|RouteResponseId; got ${parts.length}.`);
  }
  const [apiId = "", routeId = "", routeResponseId = ""] = parts;
  return checkRouteResponseIdentity({ apiId, routeId, routeResponseId });
}
