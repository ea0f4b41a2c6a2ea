// The types that are Relay nodes: what `node`, `nodes` and node ids know. A resource type joins by
// being listed in NODE_TYPES (its descriptor names its GraphQL type and parses its identifiers);
// ResourceRequest is the one node that is not a resource: its id carries the request token.
import type { IdentityLike, ResourceTypeDescriptor } from "../resourceTypes/index.js";
import { apiType, routeResponseType, routeType } from "../resourceTypes/index.js";
import { modelType } from "../resourceTypes/model.js";

export const NODE_TYPES: ReadonlyMap<string, ResourceTypeDescriptor> = new Map(
  [apiType, routeType, routeResponseType, modelType].map((type) => [type.name, type]),
);

/** The GraphQL type of Cloud Control's resource requests, a node whose identifier is its request token. */
export const RESOURCE_REQUEST_NODE = "ResourceRequest";

/**
 * The GraphQL type of a node's parent: ResourceRequest for a request (it alone has a requestToken),
 * else the node type whose identity fields the parent has, the one with the most where several
 * match (a route response also has a route's apiId and routeId).
 */
export function nodeTypeOf(parent: IdentityLike): string | null {
  if (typeof parent.requestToken === "string") return RESOURCE_REQUEST_NODE;
  let best: ResourceTypeDescriptor | undefined;
  for (const type of NODE_TYPES.values()) {
    if (!type.identityFields.every((field) => typeof parent[field] === "string")) continue;
    if (best === undefined || type.identityFields.length > best.identityFields.length) best = type;
  }
  return best?.name ?? null;
}
