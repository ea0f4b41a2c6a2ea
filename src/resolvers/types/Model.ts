// Fields of Model, the relations into it (Api.models, ResponseModel.model) and their costs.
// Identifier fields come from the parent; the others await the model through the loader. A model
// name is resolved in its API's model listing, read once per API per request; the listed models
// are read (batched, once each) only when the listing does not carry their names.
import type { ApiResolvers, ModelResolvers, ResponseModelResolvers } from "../../__generated__/resolvers-types.js";
import type { GatewayContext } from "../../context.js";
import type { GraphCost } from "../../limits/graphCost.js";
import { identityFieldCosts } from "../../limits/graphCost.js";
import { ASSUMED_LIST_PAGE_SIZE } from "../../limits/graphCost.js";
import { apiType, parentOfIdentity } from "../../resourceTypes/index.js";
import type { ModelParent } from "../../resourceTypes/model.js";
import { modelType } from "../../resourceTypes/model.js";
import { nodeIdOf } from "../relay/nodeId.js";
import { findListed, modelOf, requiredString, resourceConnection, stringProperty } from "../resources.js";

export const Model: ModelResolvers = {
  id: (parent) => nodeIdOf(modelType, parent),
  identifier: (parent) => parent.identifier,
  region: (parent) => parent.region,
  apiId: (parent) => parent.apiId,
  modelId: (parent) => parent.modelId,
  name: (parent, _args, context) => requiredString(modelType, parent, context, "Name"),
  contentType: (parent, _args, context) => stringProperty(modelType, parent, context, "ContentType"),
  description: (parent, _args, context) => stringProperty(modelType, parent, context, "Description"),
  schema: async (parent, _args, context) => (await modelOf(modelType, parent, context)).properties.Schema ?? null,
  properties: async (parent, _args, context) => (await modelOf(modelType, parent, context)).properties,
  api: (parent) => parentOfIdentity(apiType, parent.region, parent),
};

/** Api.models: the API's models, as a connection. */
export const apiModels: NonNullable<ApiResolvers["models"]> = (parent, args, context, info) =>
  resourceConnection(context, modelType, args, info, { scope: "models", region: parent.region, parent });

/** The models of an API by name: its whole listing, each name listed or read, once per request. */
async function modelNamed(context: GatewayContext, region: string, apiId: string, name: string): Promise<ModelParent | null> {
  const items = await context.loaders.resources.of(modelType).all({ region, parent: { apiId } });
  return findListed(context, modelType, items, "Name", name);
}

export const ResponseModel: ResponseModelResolvers = {
  model: (parent, _args, context) => modelNamed(context, parent.region, parent.apiId, parent.modelName),
};

/** What Model's fields and the relations into it cost (limits/graphCost.ts). */
export const modelCost: GraphCost = {
  Model: {
    otherwise: "model",
    node: true,
    fields: {
      ...identityFieldCosts(modelType.identityFields),
      api: { reads: "object", of: "Api", calls: 0 },
    },
  },
  Api: { otherwise: "model", fields: { models: { reads: "connection", of: "Model" } } },
  // Once per API: the listing (one page assumed) and a read of each model it holds.
  ResponseModel: { otherwise: "free", fields: { model: { reads: "lookup", of: "Model", calls: 1 + ASSUMED_LIST_PAGE_SIZE } } },
};
