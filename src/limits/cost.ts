// Estimates how many Cloud Control calls an operation can cause, from the document and its
// variables, before anything runs. It is an upper bound by construction where the API allows one
// (every alias counts, even when the loader would share the call) and an estimate where AWS decides
// (ListResources' page size); the call budget (callBudget.ts) holds the line at run time either way.
//
// The cost of each root field mirrors its resolver:
//   routeResponse, api, node                  1 GetResource, plus what its selection costs
//   nodes(ids)                                one GetResource per id, plus what each selection costs
//   routeResponses, apis (first: N)           ListResources pages, plus N GetResource when the items
//                                             select anything beyond their identifier fields, plus
//                                             N times what each item's selection costs
//   (the selections of resources are costed by graphCost.ts from each type's table of fields)
//   resourceRequest                           1, plus 1 when its routeResponse is selected
//   resourceRequests(first: N)                up to 10 ListResourceRequests pages, plus N when the
//                                             items' routeResponse is selected
//   create/update/deleteRouteResponse         the write, the status polls of `wait: true`, a
//                                             GetResource for update's `set`, and reads of the result
//   cancelResourceRequest                     a status read and the cancel, plus polls with `wait`
//   introspection (__schema, __type, __typename)  nothing
//   anything else (new root fields)           1
//
// Fields reached through fragments are counted, not listed: each fragment's count along each path
// the model follows is computed once per document (fragments.ts), and a count that fans out
// saturates at a huge finite number (saturating.ts). A document that spreads a fragment twice in
// each of 40 nested fragments costs one pass and is refused as too expensive.
import { Kind } from "graphql";
import type { DocumentNode, FieldNode, OperationDefinitionNode, SelectionSetNode, ValueNode } from "graphql";
import type { DocumentFragments } from "./fragments.js";
import { fragmentsOf, summariseFragments, sumOverFields } from "./fragments.js";
import type { GraphCost, GraphCounter } from "./graphCost.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, createGraphCounter, identityFieldCosts, mergeGraphCosts, rootCalls } from "./graphCost.js";
import { saturatingAdd, saturatingMultiply } from "./saturating.js";
import { routeResponseType } from "../resourceTypes/index.js";

export interface CostOptions {
  /** Status polls one `wait: true` write may make (maxWaitPolls of the WAIT_* settings). */
  waitPolls: number;
  /** The resource graph's fields (each type's table, see graphCost.ts), added to the route responses' own. */
  graph?: GraphCost;
}

/** resourceRequests reads at most this many pages per query (MAX_PAGES_PER_QUERY in its resolver). */
const REQUEST_SCAN_PAGES = 10;
const FREE_FIELDS: ReadonlySet<string> = new Set(["__schema", "__type", "__typename"]);

/** The root fields of route responses and nodes, and the fields every route response carries. */
const ROUTE_RESPONSE_GRAPH: GraphCost = {
  Query: {
    otherwise: "free",
    fields: {
      routeResponse: { reads: "object", of: "RouteResponse", calls: 1, loadsModel: true },
      routeResponses: { reads: "connection", of: "RouteResponse" },
      node: { reads: "node", calls: 1 },
    },
  },
  RouteResponse: {
    otherwise: "model",
    node: true,
    fields: identityFieldCosts(routeResponseType.identityFields),
  },
};

type Variables = Readonly<Record<string, unknown>>;

const matches = (field: FieldNode, step: string): boolean => field.name.value === step;

/**
 * Counts the fields reached by following a path of field names from a selection set: every alias
 * of each step, fragments spread in whatever their type condition (an upper bound), a fragment
 * spread n times counted n times. Each fragment's count for each path is computed once.
 */
class FieldCounter {
  private readonly tables = new Map<string, ReadonlyMap<string, number>>();

  constructor(private readonly fragments: DocumentFragments) {}

  /** The fields reached from `selectionSet` along `path` (a non-empty path: the model's are at most four steps). */
  count(selectionSet: SelectionSetNode | undefined, path: readonly string[]): number {
    if (selectionSet === undefined) return 0;
    const table = this.tableFor(path);
    return this.countIn(selectionSet, path, table);
  }

  private countIn(selectionSet: SelectionSetNode, path: readonly string[], table: ReadonlyMap<string, number>): number {
    const [step, ...rest] = path;
    return sumOverFields(
      selectionSet,
      (field) => (step === undefined || !matches(field, step) ? 0 : rest.length === 0 ? 1 : this.count(field.selectionSet, rest)),
      (name) => table.get(name) ?? 0,
    );
  }

  /** Every fragment's count along `path`, computed the first time the path is asked for. */
  private tableFor(path: readonly string[]): ReadonlyMap<string, number> {
    const key = path.join(".");
    let table = this.tables.get(key);
    if (table === undefined) {
      table = summariseFragments<number>(this.fragments, (fragment, known) => this.countIn(fragment.selectionSet, path, known));
      this.tables.set(key, table);
    }
    return table;
  }
}

/**
 * The JavaScript value of `node`, variables substituted, to `levels` of lists and objects: deeper
 * items and fields are undefined. The model reads two levels (`ids.length`, `input.wait`), and a
 * full conversion would recurse as deep as the parser lets values nest.
 */
function valueOf(node: ValueNode, variables: Variables, levels = 2): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number.parseInt(node.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(node.value);
    case Kind.STRING:
    case Kind.ENUM:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((item) => (levels > 1 ? valueOf(item, variables, levels - 1) : undefined));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, levels > 1 ? valueOf(field.value, variables, levels - 1) : undefined]));
  }
}

function argument(field: FieldNode, name: string, variables: Variables): unknown {
  const node = field.arguments?.find((arg) => arg.name.value === name);
  return node === undefined ? undefined : valueOf(node.value, variables);
}

function pageSize(first: unknown): number {
  return typeof first === "number" && Number.isInteger(first) && first >= 1 ? Math.min(first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

function inputOf(field: FieldNode, variables: Variables): Record<string, unknown> {
  const input = argument(field, "input", variables);
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
}

function rootFieldCost(field: FieldNode, fields: FieldCounter, graph: () => GraphCounter, graphRoots: ReadonlySet<string>, variables: Variables, options: CostOptions): number {
  const name = field.name.value;
  if (FREE_FIELDS.has(name)) return 0;
  const count = (...path: string[]): number => fields.count(field.selectionSet, path);
  if (graphRoots.has(name)) return rootCalls(graph().field(field, "Query"));
  switch (name) {
    case "nodes": {
      const ids = argument(field, "ids", variables);
      return saturatingMultiply(Array.isArray(ids) ? ids.length : 1, rootCalls(graph().field(field, "Query", { reads: "node", calls: 1 })));
    }
    case "resourceRequest":
      return saturatingAdd(1, count("routeResponse"));
    case "resourceRequests": {
      const first = pageSize(argument(field, "first", variables));
      const reads = saturatingAdd(count("nodes", "routeResponse"), count("edges", "node", "routeResponse"));
      return saturatingAdd(REQUEST_SCAN_PAGES, saturatingMultiply(reads, first));
    }
    case "createRouteResponse":
    case "updateRouteResponse":
    case "deleteRouteResponse":
    case "cancelResourceRequest": {
      const input = inputOf(field, variables);
      const set = input.set;
      const readsCurrent = (name === "updateRouteResponse" && typeof set === "object" && set !== null) || name === "cancelResourceRequest" ? 1 : 0;
      const polls = input.wait === true ? options.waitPolls : 0;
      const results = saturatingAdd(count("routeResponse"), count("request", "routeResponse"));
      return saturatingAdd(1 + readsCurrent + polls, results);
    }
    default:
      return 1;
  }
}

/** The route responses' table joined with a graph's, and its root fields: once per graph table, not per request. */
const joinedTables = new WeakMap<GraphCost, { table: GraphCost; roots: ReadonlySet<string> }>();

function graphTable(graph: GraphCost | undefined): { table: GraphCost; roots: ReadonlySet<string> } {
  const key = graph ?? ROUTE_RESPONSE_GRAPH;
  let joined = joinedTables.get(key);
  if (joined === undefined) {
    const table = graph === undefined ? ROUTE_RESPONSE_GRAPH : mergeGraphCosts(ROUTE_RESPONSE_GRAPH, graph);
    joined = { table, roots: new Set(Object.keys(table.Query?.fields ?? {})) };
    joinedTables.set(key, joined);
  }
  return joined;
}

/**
 * The Cloud Control calls `operation` may cause with these variables, saturating at
 * Number.MAX_SAFE_INTEGER. Linear in the size of the document, whatever its fragments.
 */
export function estimateCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Variables | undefined, options: CostOptions): number {
  const fragments = fragmentsOf(document);
  // Defaults of variable definitions apply where the request leaves a variable out.
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue !== undefined) values[definition.variable.name.value] = valueOf(definition.defaultValue, {});
  }
  Object.assign(values, variables ?? {});
  const fields = new FieldCounter(fragments);
  const { table: graphCost, roots: graphRoots } = graphTable(options.graph);
  let counter: GraphCounter | undefined;
  const graph = (): GraphCounter =>
    (counter ??= createGraphCounter(
      graphCost,
      fragments,
      (field) => pageSize(argument(field, "first", values)),
      (field, name) => argument(field, name, values) != null,
    ));
  // Each root field's cost once; a fragment spread at the root adds its fields' costs.
  const rootCost = (field: FieldNode): number => rootFieldCost(field, fields, graph, graphRoots, values, options);
  const fragmentCosts = summariseFragments<number>(fragments, (fragment, known) => sumOverFields(fragment.selectionSet, rootCost, (name) => known.get(name) ?? 0));
  return sumOverFields(operation.selectionSet, rootCost, (name) => fragmentCosts.get(name) ?? 0);
}

/**
 * The most status polls a `wait: true` write makes: waitForRequest sleeps minDelayMs, doubling up
 * to maxDelayMs, and polls after each sleep that starts before the deadline.
 */
export function maxWaitPolls(wait: { timeoutMs: number; minDelayMs: number; maxDelayMs: number }): number {
  let elapsed = 0;
  let delay = wait.minDelayMs;
  let polls = 0;
  while (elapsed < wait.timeoutMs && polls < 100_000) {
    elapsed += delay;
    polls += 1;
    delay = Math.min(delay * 2, wait.maxDelayMs);
  }
  return polls;
}
