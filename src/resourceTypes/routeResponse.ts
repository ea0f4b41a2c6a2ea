// AWS::ApiGatewayV2::RouteResponse: identified by ApiId|RouteId|RouteResponseId. Its registry schema
// declares no list requirement, but API Gateway's own call needs both parents, so the schema data
// lists by ApiId and RouteId.
import schema from "./schemas/routeResponse.json" with { type: "json" };
import type { ResourceTypeDescriptor } from "./descriptor.js";
import { describeResourceType } from "./descriptor.js";

export type RouteResponseIdentity = {
  apiId: string;
  routeId: string;
  routeResponseId: string;
};

export const routeResponseType: ResourceTypeDescriptor<RouteResponseIdentity> = describeResourceType<RouteResponseIdentity>(schema, {
  name: "RouteResponse",
  label: "route response",
});
