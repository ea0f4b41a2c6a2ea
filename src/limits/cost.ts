// Estimates how many Cloud Control calls an operation can cause, from the document and its
// variables, before anything runs. It is an upper bound by construction where the API allows one
// (every alias counts, even when the loader would share the call) and an estimate where AWS decides
// (ListResources' page size); the call budget (callBudget.ts) holds the line at run time either way.
//
// The cost of each root field mirrors its resolver:
//   routeResponse, node                       1 GetResource
//   nodes(ids)                                one GetResource per id
//   routeResponses(first: N)                  ListResources pages, plus N GetResource when the items
//                                             select anything beyond their identifier fields
//   resourceRequest                           1, plus 1 when its routeResponse is selected
//   resourceRequests(first: N)                up to 10 ListResourceRequests pages, plus N when the
//                                             items' routeResponse is selected
//   create/update/deleteRouteResponse         the write, the status polls of `wait: true`, a
//                                             GetResource for update's `set`, and reads of the result
//   cancelResourceRequest                     a status read and the cancel, plus polls with `wait`
//   introspection (__schema, __type, __typename)  nothing
//   anything else (new root fields)           1
import { Kind, valueFromASTUntyped } from "graphql";
import type { DocumentNode, FieldNode, FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from "graphql";

export interface CostOptions {
  /** Status polls one `wait: true` write may make (maxWaitPolls of the WAIT_* settings). */
  waitPolls: number;
}

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
/** ListResources has no page size parameter (it is "reserved"); AWS's handlers answer about this many per page. */
const ASSUMED_LIST_PAGE_SIZE = 20;
/** resourceRequests reads at most this many pages per query (MAX_PAGES_PER_QUERY in its resolver). */
const REQUEST_SCAN_PAGES = 10;
/** Fields every list item carries: selecting only these needs no GetResource. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(["id", "identifier", "region", "apiId", "routeId", "routeResponseId", "__typename"]);
const FREE_FIELDS: ReadonlySet<string> = new Set(["__schema", "__type", "__typename"]);

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;
type Variables = Readonly<Record<string, unknown>>;

/** The fields of a selection set with fragments spread in, whatever their type condition (an upper bound). */
function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Fragments, visiting: Set<string> = new Set()): FieldNode[] {
  if (selectionSet === undefined) return [];
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments, visiting));
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment === undefined || visiting.has(name)) continue;
      visiting.add(name);
      fields.push(...fieldsOf(fragment.selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return fields;
}

/** The fields reached by following `path` from `field` (every alias of each step). */
function reach(field: FieldNode, path: readonly string[], fragments: Fragments): FieldNode[] {
  let current = [field];
  for (const name of path) current = current.flatMap((f) => fieldsOf(f.selectionSet, fragments).filter((child) => child.name.value === name));
  return current;
}

function argument(field: FieldNode, name: string, variables: Variables): unknown {
  const node = field.arguments?.find((arg) => arg.name.value === name);
  return node === undefined ? undefined : valueFromASTUntyped(node.value, variables);
}

function pageSize(first: unknown): number {
  return typeof first === "number" && Number.isInteger(first) && first >= 1 ? Math.min(first, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

const selectsModel = (items: readonly FieldNode[], fragments: Fragments): boolean =>
  items.some((item) => fieldsOf(item.selectionSet, fragments).some((field) => !IDENTITY_FIELDS.has(field.name.value)));

const count = (fields: readonly FieldNode[]): number => fields.length;

function inputOf(field: FieldNode, variables: Variables): Record<string, unknown> {
  const input = argument(field, "input", variables);
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
}

function rootFieldCost(field: FieldNode, fragments: Fragments, variables: Variables, options: CostOptions): number {
  const name = field.name.value;
  if (FREE_FIELDS.has(name)) return 0;
  switch (name) {
    case "routeResponse":
    case "node":
      return 1;
    case "nodes": {
      const ids = argument(field, "ids", variables);
      return Array.isArray(ids) ? ids.length : 1;
    }
    case "routeResponses": {
      const first = pageSize(argument(field, "first", variables));
      const items = [...reach(field, ["nodes"], fragments), ...reach(field, ["edges", "node"], fragments)];
      return 1 + Math.ceil(first / ASSUMED_LIST_PAGE_SIZE) + (selectsModel(items, fragments) ? first : 0);
    }
    case "resourceRequest":
      return 1 + count(reach(field, ["routeResponse"], fragments));
    case "resourceRequests": {
      const first = pageSize(argument(field, "first", variables));
      const reads = count(reach(field, ["nodes", "routeResponse"], fragments)) + count(reach(field, ["edges", "node", "routeResponse"], fragments));
      return REQUEST_SCAN_PAGES + reads * first;
    }
    case "createRouteResponse":
    case "updateRouteResponse":
    case "deleteRouteResponse":
    case "cancelResourceRequest": {
      const input = inputOf(field, variables);
      const set = input.set;
      const readsCurrent = (name === "updateRouteResponse" && typeof set === "object" && set !== null) || name === "cancelResourceRequest" ? 1 : 0;
      const polls = input.wait === true ? options.waitPolls : 0;
      const results = count(reach(field, ["routeResponse"], fragments)) + count(reach(field, ["request", "routeResponse"], fragments));
      return 1 + readsCurrent + polls + results;
    }
    default:
      return 1;
  }
}

/** The Cloud Control calls `operation` may cause with these variables. */
export function estimateCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Variables | undefined, options: CostOptions): number {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  // Defaults of variable definitions apply where the request leaves a variable out.
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue !== undefined) values[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  Object.assign(values, variables ?? {});
  return fieldsOf(operation.selectionSet, fragments).reduce((total, field) => total + rootFieldCost(field, fragments, values, options), 0);
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
