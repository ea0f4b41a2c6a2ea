// Bounds the size of a document before graphql-js validates it. Validation is not linear:
// OverlappingFieldsCanBeMergedRule compares every two fields that land on the same place of the
// response (the same response key under the same parents, fragments spread in), printing their
// arguments for each comparison, and every two fragments spread together. 4900 copies of
// `__typename` in one selection set are 12 million comparisons, and 4900 copies of `status` in a
// `resourceRequest` seconds of blocked event loop. Three measures bound that work, all linear to
// compute:
//
//   selections          every field, fragment spread and inline fragment, and every value in a
//                       field's arguments (each list item, object field, scalar, variable), counted
//                       again wherever its fragment is spread, summed over every definition
//                       (validation compares within operations and fragments alike). Apollo's
//                       maxRecursiveSelections counts the same way (without arguments), but during
//                       validation, too late to spare the rule.
//   fragments           fragment definitions. The rule compares two fragments at most once (per
//                       kind of parent), so this bounds those comparisons to fragments².
//   repeatedSelections  the most fields at one place of the response: `{ a a a }` repeats `a`
//                       three times, and so does `{ x { a } x { a } ...F }` with
//                       `fragment F on T { x { a } }`, at x.a. Aliases are response keys: `b: a` is
//                       another place.
//
// The rule compares fields only at one place, so it makes at most
// selections × (repeatedSelections - 1) / 2 comparisons of fields, each costing the size of their
// arguments, counted in selections. Spreads are followed in dependency order (fragments.ts):
// counting takes one pass per fragment, and the walk of places runs only once the count is within
// its limit, so a fragment fan-out is refused by its count and costs nothing more.
import { Kind } from "graphql";
import type { DocumentNode, FieldNode, SelectionSetNode, ValueNode } from "graphql";
import type { LimitsConfig } from "./config.js";
import { LimitExceededError } from "./errors.js";
import type { DocumentFragments } from "./fragments.js";
import { fragmentsOf, summariseFragments } from "./fragments.js";
import { saturatingAdd } from "./saturating.js";

/** The two settings the check needs (LimitsConfig has them). */
export type SelectionLimits = Pick<LimitsConfig, "maxSelections" | "maxFragments" | "maxRepeatedSelections">;

/** The values in a field's arguments, nested ones included. */
function argumentValues(field: FieldNode): number {
  let values = 0;
  const pending: ValueNode[] = (field.arguments ?? []).map((argument) => argument.value);
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    values += 1;
    if (value.kind === Kind.LIST) for (const item of value.values) pending.push(item);
    else if (value.kind === Kind.OBJECT) for (const objectField of value.fields) pending.push(objectField.value);
  }
  return values;
}

/** The selections of `selectionSet` at every depth, a spread adding its fragment's from `known` (nothing when absent). */
function selectionsIn(selectionSet: SelectionSetNode, known: ReadonlyMap<string, number>): number {
  let total = 0;
  const pending = [selectionSet];
  for (let set = pending.pop(); set !== undefined; set = pending.pop()) {
    for (const selection of set.selections) {
      total = saturatingAdd(total, 1);
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total = saturatingAdd(total, known.get(selection.name.value) ?? 0);
      } else {
        if (selection.kind === Kind.FIELD) total = saturatingAdd(total, argumentValues(selection));
        if (selection.selectionSet !== undefined) pending.push(selection.selectionSet);
      }
    }
  }
  return total;
}

function selectionsOf(document: DocumentNode, fragments: DocumentFragments): number {
  const perFragment = summariseFragments<number>(fragments, (fragment, known) => selectionsIn(fragment.selectionSet, known));
  let total = 0;
  // Fragment definitions as well as operations: validation compares within each, a second
  // fragment of one name (UniqueFragmentNamesRule's error) included.
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      total = saturatingAdd(total, selectionsIn(definition.selectionSet, perFragment));
    }
  }
  return total;
}

interface Repeats {
  times: number;
  key: string;
  /** The definition: `query Q`, `the query`, `fragment F`. */
  definition: string;
  /** The response keys from the definition down to the place. */
  path: string[];
}

/**
 * The most fields at one place of the response. Walks every definition with its spreads followed
 * (within a fragment, only to fragments before it in dependency order), the walk `selectionsOf`
 * counts or a shorter one, so it takes at most that many steps.
 */
function mostRepeated(document: DocumentNode, fragments: DocumentFragments): Repeats | undefined {
  const position = new Map(fragments.order.map((fragment, index) => [fragment.name.value, index]));
  // Places are numbered; place n is `keys[n]` under place `parents[n]` (-1 for a definition).
  const ids = new Map<string, number>();
  const parents: number[] = [];
  const keys: string[] = [];
  const counts: number[] = [];
  let most = -1;
  /** One more field under `key` at `place`; answers the place it makes. */
  const count = (place: number, key: string): number => {
    const id = `${place} ${key}`;
    let child = ids.get(id);
    if (child === undefined) {
      child = keys.push(key) - 1;
      parents.push(place);
      counts.push(0);
      ids.set(id, child);
    }
    counts[child]! += 1;
    if (most < 0 || counts[child]! > counts[most]!) most = child;
    return child;
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const name = definition.name?.value;
    const root = keys.push(definition.kind === Kind.FRAGMENT_DEFINITION ? `fragment ${name}` : name ? `${definition.operation} ${name}` : `the ${definition.operation}`) - 1;
    parents.push(-1);
    counts.push(0);
    const owner = definition.kind === Kind.FRAGMENT_DEFINITION ? (position.get(definition.name.value) ?? -1) : Infinity;
    // Each selection set with its place and the dependency position of the fragment it is part of.
    const pending: [SelectionSetNode, number, number][] = [[definition.selectionSet, root, owner]];
    for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
      const [set, place, within] = entry;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const child = count(place, (selection.alias ?? selection.name).value);
          if (selection.selectionSet !== undefined) pending.push([selection.selectionSet, child, within]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          pending.push([selection.selectionSet, place, within]);
        } else {
          const fragment = fragments.byName.get(selection.name.value);
          const at = position.get(selection.name.value);
          if (fragment !== undefined && at !== undefined && at < within) pending.push([fragment.selectionSet, place, at]);
        }
      }
    }
  }
  if (most < 0) return undefined;
  const path: string[] = [];
  let at = most;
  for (; parents[at]! >= 0; at = parents[at]!) path.unshift(keys[at]!);
  return { times: counts[most]!, key: keys[most]!, definition: keys[at]!, path };
}

/**
 * Refuses a document too large to validate quickly: more than `maxSelections` selections (measure
 * "selections"), `maxFragments` fragment definitions ("fragments") or `maxRepeatedSelections` fields
 * at one place of the response ("repeatedSelections"); see the header. Linear in the size of the
 * document, whatever its fragments; meant to run right after parsing, before graphql-js's validation.
 */
export function checkSelections(document: DocumentNode, limits: SelectionLimits): LimitExceededError | undefined {
  const fragments = fragmentsOf(document);
  const selections = selectionsOf(document, fragments);
  if (selections > limits.maxSelections) {
    const message = `The document has ${selections} selections (fields, fragment spreads, inline fragments and argument values, fragments counted wherever they are spread); the limit is ${limits.maxSelections}.`;
    return new LimitExceededError("selections", selections, limits.maxSelections, message);
  }
  const definitions = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).length;
  if (definitions > limits.maxFragments) {
    return new LimitExceededError("fragments", definitions, limits.maxFragments, `The document defines ${definitions} fragments; the limit is ${limits.maxFragments}.`);
  }
  const repeats = mostRepeated(document, fragments);
  if (repeats !== undefined && repeats.times > limits.maxRepeatedSelections) {
    const where = repeats.path.length === 1 ? `at the root of ${repeats.definition}` : `at ${repeats.path.join(".")} in ${repeats.definition}`;
    const message = `The document selects "${repeats.key}" ${repeats.times} times ${where}, fragments spread in; the limit is ${limits.maxRepeatedSelections} at one place of the response.`;
    return new LimitExceededError("repeatedSelections", repeats.times, limits.maxRepeatedSelections, message);
  }
  return undefined;
}
