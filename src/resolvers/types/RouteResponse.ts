// Fields of RouteResponse. Identifier fields come from the parent (list items have nothing else);
// every other field awaits the full model, read once per key through the loader.
import type { RouteResponseResolvers } from "../../__generated__/resolvers-types.js";
import type { GraphCost } from "../../limits/graphCost.js";
import { apiType, parentOfIdentity, routeResponseType, routeType } from "../../resourceTypes/index.js";
import { RouteResponseProperty, responseModelsOf, responseParametersOf } from "../../routeResponses/index.js";
import { modelOf, requiredString, stringProperty } from "../resources.js";
import { nodeIdOf } from "../relay/nodeId.js";

export const RouteResponse: RouteResponseResolvers = {
  id: (parent) => nodeIdOf(routeResponseType, parent),
  identifier: (parent) => parent.identifier,
  region: (parent) => parent.region,
  apiId: (parent) => parent.apiId,
  routeId: (parent) => parent.routeId,
  routeResponseId: (parent) => parent.routeResponseId,
  routeResponseKey: (parent, _args, context) => requiredString(routeResponseType, parent, context, RouteResponseProperty.RouteResponseKey),
  // AWS clears the expression by storing ""; both mean "none".
  modelSelectionExpression: (parent, _args, context) => stringProperty(routeResponseType, parent, context, RouteResponseProperty.ModelSelectionExpression),
  responseModels: async (parent, _args, context) =>
    responseModelsOf((await modelOf(routeResponseType, parent, context)).properties).map((entry) => ({ ...entry, region: parent.region, apiId: parent.apiId })),
  responseParameters: async (parent, _args, context) => responseParametersOf((await modelOf(routeResponseType, parent, context)).properties),
  properties: async (parent, _args, context) => (await modelOf(routeResponseType, parent, context)).properties,
  // Known from the identity: read only when their own fields need it.
  route: (parent) => parentOfIdentity(routeType, parent.region, parent),
  api: (parent) => parentOfIdentity(apiType, parent.region, parent),
};

/** The costs of RouteResponse's relations (limits/graphCost.ts); its other fields are the estimate's own. */
export const routeResponseCost: GraphCost = {
  RouteResponse: {
    otherwise: "model",
    fields: {
      route: { reads: "object", of: "Route", calls: 0 },
      api: { reads: "object", of: "Api", calls: 0 },
      responseModels: { reads: "embedded", of: "ResponseModel" },
    },
  },
  // Values of the route response's model: free unless a type adds relations to them.
  ResponseModel: { otherwise: "free", fields: {} },
};
