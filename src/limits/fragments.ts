// Fragments as the limits walk them: each definition summarised once per document, the fragments it
// spreads first, without recursion. Walking a fragment again wherever it is spread costs time
// exponential in the nesting of spreads (`fragment F0 on T { ...F1 ...F1 } fragment F1 on T { ...F2
// ...F2 } ...`: 2^n walks of the last one for a few hundred bytes), and a recursive walk overflows
// the stack on a long chain. So the limits visit fragments in dependency order and read a spread's
// value from a table.
//
// A spread that closes a cycle finds no value in the table (its fragment is still being summarised);
// graphql-js's NoFragmentCyclesRule refuses such a document, so the limits only need not to loop.
import { Kind } from "graphql";
import type { DocumentNode, FieldNode, FragmentDefinitionNode, SelectionSetNode } from "graphql";
import { saturatingAdd } from "./saturating.js";

export interface DocumentFragments {
  /** The fragment definitions by name (the last of duplicates, as graphql-js's getFragment). */
  readonly byName: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Every fragment after the fragments it spreads (a spread closing a cycle aside). */
  readonly order: readonly FragmentDefinitionNode[];
}

/** The names of the fragments spread anywhere in `selectionSet`, at any depth. */
function spreadNames(selectionSet: SelectionSetNode): string[] {
  const names: string[] = [];
  const pending = [selectionSet];
  for (let set = pending.pop(); set !== undefined; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet !== undefined) pending.push(selection.selectionSet);
    }
  }
  return names;
}

/** The document's fragments in dependency order: a depth-first post-order with an explicit stack. */
export function fragmentsOf(document: DocumentNode): DocumentFragments {
  const byName = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) byName.set(definition.name.value, definition);
  }
  const order: FragmentDefinitionNode[] = [];
  const seen = new Set<string>();
  for (const [name, root] of byName) {
    if (seen.has(name)) continue;
    seen.add(name);
    const path = [{ fragment: root, spreads: spreadNames(root.selectionSet) }];
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const next = top.spreads.pop();
      if (next === undefined) {
        path.pop();
        order.push(top.fragment);
        continue;
      }
      const fragment = byName.get(next);
      // Seen: done already, or on the path (a cycle); unknown names are KnownFragmentNamesRule's.
      if (fragment === undefined || seen.has(next)) continue;
      seen.add(next);
      path.push({ fragment, spreads: spreadNames(fragment.selectionSet) });
    }
  }
  return { byName, order };
}

/**
 * `summarise` for every fragment in dependency order, each result kept by name: when it runs for
 * a fragment, `known` holds the value of every fragment that one spreads (but one closing a cycle).
 */
export function summariseFragments<T>(
  fragments: DocumentFragments,
  summarise: (fragment: FragmentDefinitionNode, known: ReadonlyMap<string, T>) => T,
): Map<string, T> {
  const known = new Map<string, T>();
  for (const fragment of fragments.order) known.set(fragment.name.value, summarise(fragment, known));
  return known;
}

/**
 * The sum of `field(f)` over the fields of `selectionSet` at its own level (inline fragments looked
 * through, not the fields' own selections), plus `spread(name)` for each fragment spread there.
 * Saturating, so a sum of fanned-out counts stays finite.
 */
export function sumOverFields(selectionSet: SelectionSetNode, field: (node: FieldNode) => number, spread: (name: string) => number): number {
  let total = 0;
  const pending = [selectionSet];
  for (let set = pending.pop(); set !== undefined; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total = saturatingAdd(total, field(selection));
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else total = saturatingAdd(total, spread(selection.name.value));
    }
  }
  return total;
}
