// The cost of the resource graph's fields: what a selection on an object of each kind (Api, Route,
// RouteResponse, ...) costs in Cloud Control calls, from a table of field shapes per kind. The
// tables are data (GraphCost), declared beside each type's resolvers, so a new type brings its own.
//
// Two things keep the estimate close to what the loaders do:
// - A field that needs the object's model costs one GetResource per object, however many such
//   fields (and aliases) are selected: the loader reads it once. Identity fields cost nothing.
// - Some reads are shared by every object of one API (the API's model listing, read once to resolve
//   response models by name). They are carried up as `shared` and counted once where the API is
//   fixed (a root field, each item of `apis` or `nodes`), not once per route or route response.
//
// Each fragment is summarised once per kind, in dependency order (fragments.ts), so the estimate
// stays linear in the document whatever its fragments.
import type { FieldNode, SelectionSetNode } from "graphql";
import type { DocumentFragments } from "./fragments.js";
import { summariseFragments, sumOverFields } from "./fragments.js";
import { saturatingAdd, saturatingMultiply } from "./saturating.js";

/** What a field of a kind costs. */
export type FieldCost =
  /** Answered from the object's identity: no call. */
  | { reads: "free" }
  /** Needs the object's model: one GetResource per object (shared by every such field). */
  | { reads: "model" }
  /**
   * A related object of kind `of`: `calls` to find it (0 when its identity is known, 1 for a
   * listing or a read), then one GetResource when its own fields need its model (unless `loadsModel`,
   * when those calls read it already), then its fields. `varies`: its API is not the parent's.
   */
  | { reads: "object"; of: string; calls: number; loadsModel?: boolean; varies?: boolean }
  /** Any node kind (`node`): `calls` read it, then the costliest of the node kinds' selections. */
  | { reads: "node"; calls: number }
  /**
   * A Relay connection of `of` items (argument `first`, 1 to 100, default 25): its listing pages,
   * one GetResource per item when the items need their models, and the items' fields.
   * `varies`: each item is of another API (region-wide listings). `itemsReadWith`: an argument
   * (a filter) that, when given, reads every item's model.
   */
  | { reads: "connection"; of: string; varies?: boolean; itemsReadWith?: string }
  /** Values inside the object's model (needs it) of kind `of`: their fields, counted once. */
  | { reads: "embedded"; of: string }
  /**
   * An object found by a lookup shared by every object of the API: `calls` once per API (a listing
   * and the reads of its items), then its fields, also once per API.
   */
  | { reads: "lookup"; of: string; calls: number };

export interface KindCost {
  /** Fields not listed: "model" (they need the model) or "free". */
  otherwise: "model" | "free";
  fields: Readonly<Record<string, FieldCost>>;
  /** A kind `node` may answer. */
  node?: boolean;
}

/** Every kind's fields, by kind name. */
export type GraphCost = Readonly<Record<string, KindCost>>;

/** Joins tables: kinds and fields of later tables are added to (or replace) earlier ones. */
/**
 * The entries of the fields every item of a type answers without a read: its node id, identifier,
 * region and identifier properties (a descriptor's identityFields).
 */
export function identityFieldCosts(identityFields: readonly string[]): Record<string, FieldCost> {
  return Object.fromEntries(["id", "identifier", "region", ...identityFields].map((field) => [field, { reads: "free" } satisfies FieldCost]));
}

export function mergeGraphCosts(...tables: GraphCost[]): GraphCost {
  const merged: Record<string, KindCost> = {};
  for (const table of tables) {
    for (const [kind, cost] of Object.entries(table)) {
      const before = merged[kind];
      merged[kind] = before === undefined ? cost : { ...before, ...cost, fields: { ...before.fields, ...cost.fields } };
    }
  }
  return merged;
}

/** What a selection on one object costs. */
export interface Summary {
  /** Calls counted per object. */
  calls: number;
  /** Whether some field needs the object's model. */
  needsModel: boolean;
  /** Calls shared by every object of the same API, counted once where the API is fixed. */
  shared: number;
}

const NOTHING: Summary = { calls: 0, needsModel: false, shared: 0 };

function add(a: Summary, b: Summary): Summary {
  return { calls: saturatingAdd(a.calls, b.calls), needsModel: a.needsModel || b.needsModel, shared: saturatingAdd(a.shared, b.shared) };
}

/** A connection's per-item summary is found under `nodes` and `edges { node }`. */
const CONNECTION = "\u0000connection";
const EDGE = "\u0000edge";

/** ListResources has no page size parameter; AWS's handlers answer about this many per page. */
export const ASSUMED_LIST_PAGE_SIZE = 20;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** One GetResource per object, added to its calls, when its fields need the model. */
const withModelRead = (summary: Summary): number => saturatingAdd(summary.calls, summary.needsModel ? 1 : 0);
/** The calls of one object whose API differs from its parent's: its shared reads are its own. */
const fixed = (calls: number, summary: Summary): number => saturatingAdd(calls, summary.shared);

export interface GraphCounter {
  /** The summary of one field of an object of `kind`, by its shape in the table or `shape`. */
  field(field: FieldNode, kind: string, shape?: FieldCost): Summary;
}

/**
 * `pageSizeOf` reads a connection field's `first` (variables substituted), as the resolvers do;
 * `isGiven` says whether an argument has a value other than null.
 */
export function createGraphCounter(
  graph: GraphCost,
  fragments: DocumentFragments,
  pageSizeOf: (field: FieldNode) => number,
  isGiven: (field: FieldNode, argument: string) => boolean,
): GraphCounter {
  const nodeKinds = Object.entries(graph)
    .filter(([, cost]) => cost.node === true)
    .map(([kind]) => kind);
  /** Each fragment's summary on every kind, and as a connection and an edge of every kind. */
  const contexts = Object.keys(graph).flatMap((kind) => [kind, CONNECTION + kind, EDGE + kind]);
  let tables: Map<string, Map<string, Summary>> | undefined;

  function fieldSummary(field: FieldNode, kind: string, spread: (name: string, kind: string) => Summary, shape?: FieldCost): Summary {
    const name = field.name.value;
    if (kind.startsWith(CONNECTION) || kind.startsWith(EDGE)) {
      // Only the items cost: `nodes`, `edges` and `edges { node }`; pageInfo and cursors are free.
      const item = kind.startsWith(CONNECTION) ? kind.slice(CONNECTION.length) : kind.slice(EDGE.length);
      if (kind.startsWith(CONNECTION) && name === "nodes") return summaryOf(field.selectionSet, item, spread);
      if (kind.startsWith(CONNECTION) && name === "edges") return summaryOf(field.selectionSet, EDGE + item, spread);
      if (kind.startsWith(EDGE) && name === "node") return summaryOf(field.selectionSet, item, spread);
      return NOTHING;
    }
    const table = graph[kind];
    if ((name === "__typename" && shape === undefined) || table === undefined) return NOTHING;
    const cost: FieldCost = shape ?? table.fields[name] ?? { reads: table.otherwise };
    switch (cost.reads) {
      case "free":
        return NOTHING;
      case "model":
        return { calls: 0, needsModel: true, shared: 0 };
      case "object": {
        const child = summaryOf(field.selectionSet, cost.of, spread);
        const calls = saturatingAdd(cost.calls, cost.loadsModel ? child.calls : withModelRead(child));
        return cost.varies ? { calls: fixed(calls, child), needsModel: false, shared: 0 } : { calls, needsModel: false, shared: child.shared };
      }
      case "node": {
        let costliest = 0;
        for (const nodeKind of nodeKinds) {
          const child = summaryOf(field.selectionSet, nodeKind, spread);
          costliest = Math.max(costliest, fixed(child.calls, child));
        }
        return { calls: saturatingAdd(cost.calls, costliest), needsModel: false, shared: 0 };
      }
      case "connection": {
        const first = pageSizeOf(field);
        const listed = summaryOf(field.selectionSet, CONNECTION + cost.of, spread);
        const item = cost.itemsReadWith !== undefined && isGiven(field, cost.itemsReadWith) ? { ...listed, needsModel: true } : listed;
        const perItem = cost.varies ? fixed(withModelRead(item), item) : withModelRead(item);
        const pages = 1 + Math.ceil(first / ASSUMED_LIST_PAGE_SIZE);
        return { calls: saturatingAdd(pages, saturatingMultiply(perItem, first)), needsModel: false, shared: cost.varies ? 0 : item.shared };
      }
      case "embedded": {
        const child = summaryOf(field.selectionSet, cost.of, spread);
        return { calls: child.calls, needsModel: true, shared: child.shared };
      }
      case "lookup": {
        // The lookup reads the models it compares, so its objects' fields need no other read.
        const child = summaryOf(field.selectionSet, cost.of, spread);
        return { calls: 0, needsModel: false, shared: saturatingAdd(saturatingAdd(cost.calls, child.calls), child.shared) };
      }
    }
  }

  function summaryOf(selectionSet: SelectionSetNode | undefined, kind: string, spread: (name: string, kind: string) => Summary): Summary {
    if (selectionSet === undefined) return NOTHING;
    let total = NOTHING;
    // sumOverFields adds numbers; the summary is gathered on the side.
    sumOverFields(
      selectionSet,
      (field) => ((total = add(total, fieldSummary(field, kind, spread))), 0),
      (name) => ((total = add(total, spread(name, kind))), 0),
    );
    return total;
  }

  function tablesOf(): Map<string, Map<string, Summary>> {
    if (tables === undefined) {
      tables = summariseFragments<Map<string, Summary>>(fragments, (fragment, known) => {
        const spread = (name: string, kind: string) => known.get(name)?.get(kind) ?? NOTHING;
        return new Map(contexts.map((kind) => [kind, summaryOf(fragment.selectionSet, kind, spread)]));
      });
    }
    return tables;
  }

  return {
    field(field, kind, shape) {
      return fieldSummary(field, kind, (name, spreadKind) => tablesOf().get(name)?.get(spreadKind) ?? NOTHING, shape);
    },
  };
}

/** The calls of a root field: its own and its shared reads, its API being fixed there. */
export const rootCalls = (summary: Summary): number => saturatingAdd(summary.calls, summary.shared);
