// Fields of Api. Identifier fields come from the parent (list items have nothing else); the others
// await the model, read once per key through the loader; `routes` lists through the page loader.
import type { ApiResolvers } from "../../__generated__/resolvers-types.js";
import type { GraphCost } from "../../limits/graphCost.js";
import { identityFieldCosts } from "../../limits/graphCost.js";
import { apiType, routeType } from "../../resourceTypes/index.js";
import { nodeIdOf } from "../relay/nodeId.js";
import { modelOf, resourceConnection, stringProperty } from "../resources.js";

const PROTOCOLS: ReadonlySet<string> = new Set(["WEBSOCKET", "HTTP"]);

export const Api: ApiResolvers = {
  id: (parent) => nodeIdOf(apiType, parent),
  identifier: (parent) => parent.identifier,
  region: (parent) => parent.region,
  apiId: (parent) => parent.apiId,
  name: (parent, _args, context) => stringProperty(apiType, parent, context, "Name"),
  protocolType: async (parent, _args, context) => {
    const protocol = await stringProperty(apiType, parent, context, "ProtocolType");
    return protocol !== null && PROTOCOLS.has(protocol) ? (protocol as "WEBSOCKET" | "HTTP") : null;
  },
  routeSelectionExpression: (parent, _args, context) => stringProperty(apiType, parent, context, "RouteSelectionExpression"),
  apiEndpoint: (parent, _args, context) => stringProperty(apiType, parent, context, "ApiEndpoint"),
  description: (parent, _args, context) => stringProperty(apiType, parent, context, "Description"),
  properties: async (parent, _args, context) => (await modelOf(apiType, parent, context)).properties,
  routes: (parent, args, context, info) => resourceConnection(context, routeType, args, info, { scope: "routes", region: parent.region, parent }),
};

/** What Api's fields and its root fields cost (limits/graphCost.ts). */
export const apiCost: GraphCost = {
  Query: {
    otherwise: "free",
    fields: {
      api: { reads: "object", of: "Api", calls: 1, loadsModel: true },
      apis: { reads: "connection", of: "Api", varies: true, itemsReadWith: "protocolType" },
    },
  },
  Api: {
    otherwise: "model",
    node: true,
    fields: {
      ...identityFieldCosts(apiType.identityFields),
      routes: { reads: "connection", of: "Route" },
    },
  },
};
