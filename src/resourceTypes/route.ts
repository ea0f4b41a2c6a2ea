// AWS::ApiGatewayV2::Route: identified by ApiId|RouteId, listed per API.
import schema from "./schemas/route.json" with { type: "json" };
import type { ResourceParent, ResourceTypeDescriptor } from "./descriptor.js";
import { describeResourceType } from "./descriptor.js";

export type RouteIdentity = {
  apiId: string;
  routeId: string;
};

export const routeType: ResourceTypeDescriptor<RouteIdentity> = describeResourceType<RouteIdentity>(schema, { name: "Route", label: "route" });

/** What a Route field resolves from (codegen's mapper). */
export type RouteParent = ResourceParent<RouteIdentity>;
