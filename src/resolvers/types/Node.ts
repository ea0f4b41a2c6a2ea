// The Node interface: every resource type of NODE_TYPES, told apart by the identity its parent carries.
import type { NodeResolvers } from "../../__generated__/resolvers-types.js";
import { nodeTypeOf } from "../nodeTypes.js";

type NodeTypeName = Awaited<ReturnType<NodeResolvers["__resolveType"]>>;

export const Node: NodeResolvers = {
  __resolveType: (parent) => nodeTypeOf(parent) as NodeTypeName,
};
