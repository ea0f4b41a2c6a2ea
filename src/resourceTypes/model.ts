// AWS::ApiGatewayV2::Model: identified by ApiId|ModelId, listed per API. A route response's
// ResponseModels names models by their Name, not their id.
import schema from "./schemas/model.json" with { type: "json" };
import type { ResourceParent, ResourceTypeDescriptor } from "./descriptor.js";
import { describeResourceType } from "./descriptor.js";

export type ModelIdentity = {
  apiId: string;
  modelId: string;
};

export const modelType: ResourceTypeDescriptor<ModelIdentity> = describeResourceType<ModelIdentity>(schema, { name: "Model", label: "model" });

/** What a Model field resolves from (codegen's mapper). */
export type ModelParent = ResourceParent<ModelIdentity>;
