// Fields of Route. Identifier fields come from the parent; the others await the model, read once per
// key through the loader. `routeResponse` and `routeResponses` list the route's route responses
// through the page loader, so selecting both costs one listing.
import type { RouteResolvers } from "../../__generated__/resolvers-types.js";
import type { GatewayContext } from "../../context.js";
import type { GraphCost } from "../../limits/graphCost.js";
import { identityFieldCosts } from "../../limits/graphCost.js";
import type { RouteParent } from "../../resourceTypes/index.js";
import type { RouteResponseParent } from "../../routeResponses/index.js";
import { apiType, parentOfIdentity, routeResponseType, routeType } from "../../resourceTypes/index.js";
import { nodeIdOf } from "../relay/nodeId.js";
import { findListed, modelOf, parentOfListed, requiredString, resourceConnection, stringProperty } from "../resources.js";

const DEFAULT_KEY = "$default";

/**
 * The route's `$default` route response. API Gateway lets a WebSocket route define only that one,
 * so a single listed route response is it without reading its key; where a listing holds several
 * (possible off AWS), their keys are read (listed, or through the loader) to find it.
 */
async function defaultRouteResponse(parent: RouteParent, context: GatewayContext): Promise<RouteResponseParent | null> {
  const items = await context.loaders.resources.of(routeResponseType).all({ region: parent.region, parent: routeResponseType.listParentOf(parent) });
  if (items.length <= 1) return items[0] === undefined ? null : parentOfListed(routeResponseType, items[0]);
  return findListed(context, routeResponseType, items, "RouteResponseKey", DEFAULT_KEY);
}

export const Route: RouteResolvers = {
  id: (parent) => nodeIdOf(routeType, parent),
  identifier: (parent) => parent.identifier,
  region: (parent) => parent.region,
  apiId: (parent) => parent.apiId,
  routeId: (parent) => parent.routeId,
  routeKey: (parent, _args, context) => requiredString(routeType, parent, context, "RouteKey"),
  routeResponseSelectionExpression: (parent, _args, context) => stringProperty(routeType, parent, context, "RouteResponseSelectionExpression"),
  twoWay: async (parent, _args, context) => (await stringProperty(routeType, parent, context, "RouteResponseSelectionExpression")) !== null,
  modelSelectionExpression: (parent, _args, context) => stringProperty(routeType, parent, context, "ModelSelectionExpression"),
  operationName: (parent, _args, context) => stringProperty(routeType, parent, context, "OperationName"),
  authorizationType: (parent, _args, context) => stringProperty(routeType, parent, context, "AuthorizationType"),
  target: (parent, _args, context) => stringProperty(routeType, parent, context, "Target"),
  properties: async (parent, _args, context) => (await modelOf(routeType, parent, context)).properties,
  api: (parent) => parentOfIdentity(apiType, parent.region, parent),
  routeResponse: (parent, _args, context) => defaultRouteResponse(parent, context),
  routeResponses: (parent, args, context, info) => resourceConnection(context, routeResponseType, args, info, { scope: "routeResponses", region: parent.region, parent }),
};

/** What Route's fields cost (limits/graphCost.ts). */
export const routeCost: GraphCost = {
  Route: {
    otherwise: "model",
    node: true,
    fields: {
      ...identityFieldCosts(routeType.identityFields),
      api: { reads: "object", of: "Api", calls: 0 },
      // One listing of the route's route responses (AWS allows one: `$default`).
      routeResponse: { reads: "object", of: "RouteResponse", calls: 1 },
      routeResponses: { reads: "connection", of: "RouteResponse" },
    },
  },
};
