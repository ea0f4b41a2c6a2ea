// The Node interface: every resource type of NODE_TYPES and ResourceRequest, told apart by what their parents carry.
import type { NodeResolvers } from "../../__generated__/resolvers-types.js";
import { nodeTypeOf } from "../nodeTypes.js";

type NodeTypeName = Awaited<ReturnType<NodeResolvers["__resolveType"]>>;

export const Node: NodeResolvers = {
  // A request model is a plain record of its ProgressEvent: its fields are what nodeTypeOf reads.
  __resolveType: (parent) => nodeTypeOf(parent as unknown as Readonly<Record<string, unknown>>) as NodeTypeName,
};
