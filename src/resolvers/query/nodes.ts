import type { QueryResolvers } from "../../__generated__/resolvers-types.js";
import { badUserInput } from "../../errors.js";
import type { NodeParent } from "./node.js";
import { loadNode } from "./node.js";

const MAX_IDS = 100;

/**
 * Each id on its own: null when missing, an error at its own index when malformed or failing
 * (graphql-js completes an Error list item as that item's error, so the others still resolve).
 * All ids load in one batch per type.
 */
export const nodes: QueryResolvers["nodes"] = async (_parent, { ids }, context) => {
  if (ids.length > MAX_IDS) throw badUserInput(`nodes takes at most ${MAX_IDS} ids, but got ${ids.length}.`);
  const results = await Promise.all(
    ids.map(async (id): Promise<NodeParent | null | Error> => {
      try {
        return await loadNode(context, id);
      } catch (error) {
        return error as Error;
      }
    }),
  );
  return results as Array<NodeParent | null>;
};
