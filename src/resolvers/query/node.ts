import type { QueryResolvers, ResolversInterfaceTypes, ResolversTypes } from "../../__generated__/resolvers-types.js";
import type { GatewayContext } from "../../context.js";
import { NODE_TYPES, RESOURCE_REQUEST_NODE } from "../nodeTypes.js";
import { decodeNodeId } from "../relay/nodeId.js";
import { loadResource } from "../resources.js";

/** What a Node resolves from: any node type's parent. */
export type NodeParent = ResolversInterfaceTypes<ResolversTypes>["Node"];

/**
 * The node an id names, read through its type's loader (a resource request's through
 * GetResourceRequestStatus); null when it does not exist.
 */
export async function loadNode(context: GatewayContext, id: string): Promise<NodeParent | null> {
  const ref = decodeNodeId(id, context.regions);
  if (ref.type === RESOURCE_REQUEST_NODE) return context.loaders.resourceRequest.load({ region: ref.region, requestToken: ref.identifier });
  const type = NODE_TYPES.get(ref.type);
  // decodeNodeId only answers types of NODE_TYPES besides requests.
  if (type === undefined) return null;
  // The parent of a NODE_TYPES type is one of the Node mappers.
  return (await loadResource(context, type, ref.region, ref.identifier)) as NodeParent | null;
}

/** Relay's refetch entry point. A malformed id is BAD_USER_INPUT; a missing object is null. */
export const node: QueryResolvers["node"] = async (_parent, { id }, context) => loadNode(context, id);
