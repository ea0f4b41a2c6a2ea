// AWS::ApiGatewayV2::Api: WebSocket and HTTP APIs, identified by ApiId, listed region-wide.
import schema from "./schemas/api.json" with { type: "json" };
import type { ResourceParent, ResourceTypeDescriptor } from "./descriptor.js";
import { describeResourceType } from "./descriptor.js";

export type ApiIdentity = {
  apiId: string;
};

export const apiType: ResourceTypeDescriptor<ApiIdentity> = describeResourceType<ApiIdentity>(schema, { name: "Api", label: "API" });

/** What an Api field resolves from (codegen's mapper). */
export type ApiParent = ResourceParent<ApiIdentity>;
