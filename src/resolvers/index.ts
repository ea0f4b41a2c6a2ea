// The resolver map: one file per root field and per object type, assembled here field by field
// (no spreads that could silently overwrite one another).
import type { Resolvers } from "../__generated__/resolvers-types.js";
import type { GraphCost } from "../limits/graphCost.js";
import { mergeGraphCosts } from "../limits/graphCost.js";
import { cancelResourceRequest } from "./mutation/cancelResourceRequest.js";
import { createRouteResponse } from "./mutation/createRouteResponse.js";
import { deleteRouteResponse } from "./mutation/deleteRouteResponse.js";
import { updateRouteResponse } from "./mutation/updateRouteResponse.js";
import { api } from "./query/api.js";
import { apis } from "./query/apis.js";
import { node } from "./query/node.js";
import { nodes } from "./query/nodes.js";
import { resourceRequest } from "./query/resourceRequest.js";
import { resourceRequests } from "./query/resourceRequests.js";
import { routeResponse } from "./query/routeResponse.js";
import { routeResponses } from "./query/routeResponses.js";
import { DateTime, JSON, JSONObject } from "./scalars.js";
import { resourceRequestProgress } from "./subscription/resourceRequestProgress.js";
import { ResourceRequest } from "./types/ResourceRequest.js";
import { Api, apiCost } from "./types/Api.js";
import { Model, ResponseModel, apiModels, modelCost } from "./types/Model.js";
import { Node } from "./types/Node.js";
import { Route, routeCost } from "./types/Route.js";
import { RouteResponse, routeResponseCost } from "./types/RouteResponse.js";
import { RouteResponsePayload } from "./types/RouteResponsePayload.js";

export const resolvers: Resolvers = {
  DateTime,
  JSON,
  JSONObject,
  Query: {
    node,
    nodes,
    routeResponse,
    routeResponses,
    api,
    apis,
    resourceRequest,
    resourceRequests,
  },
  Mutation: {
    createRouteResponse,
    updateRouteResponse,
    deleteRouteResponse,
    cancelResourceRequest,
  },
  Subscription: {
    resourceRequestProgress,
  },
  Node,
  // Api's own fields, and the relation Model adds to it.
  Api: { ...Api, models: apiModels },
  Route,
  RouteResponse,
  ResponseModel,
  Model,
  ResourceRequest,
  RouteResponsePayload,
};

/** What the graph's fields cost, for the estimate (CostOptions.graph): each type's table. */
export const graphCost: GraphCost = mergeGraphCosts(apiCost, routeCost, routeResponseCost, modelCost);
