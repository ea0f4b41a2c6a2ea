// Refuses operations nested deeper than a limit, counting through fragments. Depth is the number of
// nested selection sets below the root: `{ routeResponse { apiId } }` has depth 2.
//
// `ofType` does not count: it is a single `__Type`, never a list, so a chain of it cannot multiply
// the response, and every introspection query (GraphiQL's included) nests it eight levels deep.
// Without this exception the limit would have to allow every query to be that deep.
import { GraphQLError, Kind } from "graphql";
import type { ASTVisitor, FragmentDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from "graphql";
import { LimitExceededError } from "./errors.js";

const UNCOUNTED_FIELDS: ReadonlySet<string> = new Set(["ofType"]);

function depthOf(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        const own = UNCOUNTED_FIELDS.has(selection.name.value) ? 0 : 1;
        deepest = Math.max(deepest, selection.selectionSet ? own + depthOf(selection.selectionSet, fragments, visiting) : 1);
        break;
      }
      case Kind.INLINE_FRAGMENT:
        deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, visiting));
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is reported by graphql-js's own NoFragmentCyclesRule; here it only must not loop.
        if (!fragment || visiting.has(name)) break;
        visiting.add(name);
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, visiting));
        visiting.delete(name);
        break;
      }
    }
  }
  return deepest;
}

export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = new Map(context.getDocument().definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      const depth = depthOf(operation.selectionSet, fragments, new Set());
      if (depth > maxDepth) {
        const limit = new LimitExceededError("depth", depth, maxDepth, `The operation is nested ${depth} levels deep; the limit is ${maxDepth}.`);
        context.reportError(new GraphQLError(limit.message, { nodes: [operation], originalError: limit, extensions: limit.extensions }));
      }
    },
  });
}
