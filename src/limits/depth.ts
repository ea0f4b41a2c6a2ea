// Refuses operations nested deeper than a limit, counting through fragments. Depth is the number of
// nested selection sets below the root: `{ routeResponse { apiId } }` has depth 2.
//
// `ofType` does not count: it is a single `__Type`, never a list, so a chain of it cannot multiply
// the response, and every introspection query (GraphiQL's included) nests it eight levels deep.
// Without this exception the limit would have to allow every query to be that deep.
//
// Each fragment's depth is measured once per document, the fragments it spreads first
// (fragments.ts), and every walk uses an explicit stack: a fragment spread twice in each of 40
// nested fragments, or a chain of thousands, costs one pass over the document.
import { GraphQLError, Kind } from "graphql";
import type { ASTVisitor, DocumentNode, SelectionSetNode, ValidationContext, ValidationRule } from "graphql";
import { LimitExceededError } from "./errors.js";
import { fragmentsOf, summariseFragments } from "./fragments.js";

const UNCOUNTED_FIELDS: ReadonlySet<string> = new Set(["ofType"]);

/** The depth of `selectionSet`, a spread adding the depth of its fragment from `fragmentDepths` (0 when absent). */
function depthOf(selectionSet: SelectionSetNode, fragmentDepths: ReadonlyMap<string, number>): number {
  let deepest = 0;
  // Each selection set with the depth of the selection sets around it.
  const pending: [SelectionSetNode, number][] = [[selectionSet, 0]];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const [set, above] = entry;
    for (const selection of set.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          if (selection.selectionSet === undefined) {
            deepest = Math.max(deepest, above + 1);
          } else {
            const here = above + (UNCOUNTED_FIELDS.has(selection.name.value) ? 0 : 1);
            deepest = Math.max(deepest, here);
            pending.push([selection.selectionSet, here]);
          }
          break;
        }
        case Kind.INLINE_FRAGMENT:
          pending.push([selection.selectionSet, above]);
          break;
        case Kind.FRAGMENT_SPREAD:
          deepest = Math.max(deepest, above + (fragmentDepths.get(selection.name.value) ?? 0));
          break;
      }
    }
  }
  return deepest;
}

function fragmentDepthsOf(document: DocumentNode): Map<string, number> {
  return summariseFragments<number>(fragmentsOf(document), (fragment, known) => depthOf(fragment.selectionSet, known));
}

/** Refuses every operation of the document nested deeper than `maxDepth` (LimitExceededError, measure "depth"). */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let fragmentDepths: Map<string, number> | undefined;
    return {
      OperationDefinition(operation) {
        fragmentDepths ??= fragmentDepthsOf(context.getDocument());
        const depth = depthOf(operation.selectionSet, fragmentDepths);
        if (depth > maxDepth) {
          const limit = new LimitExceededError("depth", depth, maxDepth, `The operation is nested ${depth} levels deep; the limit is ${maxDepth}.`);
          context.reportError(new GraphQLError(limit.message, { nodes: [operation], originalError: limit, extensions: limit.extensions }));
        }
      },
    };
  };
}
