// A catalogue of hostile GraphQL requests: documents small enough to pass the body, document and
// token limits that make the gateway do far more work than any answer is worth, mostly in parse and
// validation, where no resolver's deadline applies and the event loop stalls. Drawn from the
// GraphQL security literature (graphql-armor's plugins, Escape's research on GraphQL DoS) and from
// what graphql-js 16 and the gateway's own rules (src/limits/) do with each. bench/stalls.ts
// measures how long each stalls the gateway; tests may import the same entries to assert the answers.
//
// Two doors take GraphQL: HTTP POST on /graphql (queries, mutations and subscriptions alike are
// parsed and validated there) and graphql-ws on /graphql, which serves only subscriptions. So most
// attacks come in two forms with the same selection on a ResourceRequest: a query of
// `resourceRequest` for HTTP, a subscription of `resourceRequestProgress` for WebSocket. The HTTP
// streaming doors (SSE, multipart: a POST on /graphql asking for a stream) take both forms;
// test/security/doors.test.ts sends them there too.

/** HTTP POST on /graphql, or a graphql-ws `subscribe` message on /graphql. */
export type Door = "http" | "ws";

export const DOORS: readonly Door[] = ["http", "ws"];

/** A GraphQL request: the HTTP body's fields, or a graphql-ws subscribe message's payload. */
export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** The codes a refusal carries in `errors[0].extensions.code` (Apollo's and src/errors.ts's). */
export type RefusalCode = "BAD_USER_INPUT" | "BAD_REQUEST" | "GRAPHQL_PARSE_FAILED" | "GRAPHQL_VALIDATION_FAILED" | "UNAUTHENTICATED" | "FORBIDDEN";

/**
 * The answer a hardened gateway gives. A limit refusal also names its measure as an extension
 * (`{ code: "BAD_USER_INPUT", depth: 14, limit: 10 }`, src/limits/errors.ts). The measures the
 * gateway has are depth, aliases, cost, documentBytes, stringLength, selections, fragments,
 * repeatedSelections and variableDepth; `selections` counts a fragment's fields again wherever it
 * is spread, which is what refuses the fan-outs and floods below before validation.
 */
export interface ExpectedRefusal {
  code: RefusalCode;
  /** The extension naming what was too large; absent for refusals that are not limits. */
  measure?: string;
}

export interface HttpAttack {
  /**
   * The POST body exactly as sent: JSON text, one request or an array of them (a batch). Text,
   * because some hostile bodies (a value nested 100 000 deep) are beyond JSON.stringify's recursion.
   */
  body: string;
  expected: ExpectedRefusal;
}

export interface WsAttack {
  /** The payload of a graphql-ws `subscribe` message, as JSON text: always a subscription document. */
  payload: string;
  expected: ExpectedRefusal;
}

export interface HostileAttack {
  /** Stable, kebab-case: tests and the benchmark's `--only` name attacks by it. */
  id: string;
  /** One sentence: what the request does and why it hurts. */
  description: string;
  /** Its form over HTTP; absent when it has none. */
  http?: HttpAttack;
  /** Its form over WebSocket; absent when it cannot be a subscription. */
  ws?: WsAttack;
}

/** The doors an attack applies to, in DOORS order. */
export function doorsOf(attack: HostileAttack): Door[] {
  return DOORS.filter((door) => attack[door] !== undefined);
}

/** A request token no request has: attacks that get through reach Cloud Control once, for nothing. */
export const HOSTILE_TOKEN = "hostile-request-token";

export type OperationKind = "query" | "subscription";

export interface OperationParts {
  /** The selection on the ResourceRequest. */
  selection: string;
  /** Fragment definitions (or anything else) after the operation. */
  after?: string;
  /** The requestToken argument's text; a string literal by default. */
  token?: string;
  /** Variable definitions, such as `($token: String!)`. */
  variableDefinitions?: string;
  /** Text before the operation (comments). */
  before?: string;
}

/**
 * A document selecting `selection` on one ResourceRequest: `resourceRequest` in a query (the HTTP
 * door), `resourceRequestProgress` in a subscription (either door). The operation is named `Hostile`.
 */
export function onResourceRequest(kind: OperationKind, parts: OperationParts): string {
  const field = kind === "query" ? "resourceRequest" : "resourceRequestProgress";
  const token = parts.token ?? JSON.stringify(HOSTILE_TOKEN);
  return `${parts.before ?? ""}${kind} Hostile${parts.variableDefinitions ?? ""} { ${field}(requestToken: ${token}) { ${parts.selection} } }${parts.after ?? ""}`;
}

const times = (count: number, item: (index: number) => string, separator = " "): string => Array.from({ length: count }, (_, index) => item(index)).join(separator);

/**
 * Fragment fan-out: `F0 { ...F1 ...F1 }`, `F1 { ...F2 ...F2 }`, ... `F<levels> { status }`. The text
 * grows linearly, the fields reached through the spreads as 2^levels: any rule that walks the spreads
 * without remembering the fragments it has measured (src/limits/depth.ts, cost.ts) takes as long.
 */
export function fragmentFanout(kind: OperationKind, levels: number): string {
  const fragments = times(levels, (i) => `fragment F${i} on ResourceRequest { ...F${i + 1} ...F${i + 1} }`);
  return onResourceRequest(kind, { selection: "...F0", after: ` ${fragments} fragment F${levels} on ResourceRequest { status }` });
}

/**
 * The same field `count` times in one selection set. Execution merges them into one, but graphql-js's
 * OverlappingFieldsCanBeMergedRule compares every pair: count^2 / 2 comparisons, one token each.
 */
export function duplicateFields(kind: OperationKind, count: number, field = "status"): string {
  return onResourceRequest(kind, { selection: times(count, () => field) });
}

/** `fragments` fragments of `fieldsEach` copies of one field, all spread in one selection set: the pairwise comparison again, across fragments. */
export function duplicateFieldsThroughFragments(kind: OperationKind, fragments: number, fieldsEach: number): string {
  const definitions = times(fragments, (i) => `fragment D${i} on ResourceRequest { ${times(fieldsEach, () => "status")} }`);
  return onResourceRequest(kind, { selection: times(fragments, (i) => `...D${i}`), after: ` ${definitions}` });
}

/** `count` aliases of one field in one selection set. */
export function aliasFlood(kind: OperationKind, count: number): string {
  return onResourceRequest(kind, { selection: times(count, (i) => `a${i}: status`) });
}

/** `{ __type(name: "RouteResponse") { fields { type { fields { type ... name` : nested selection sets, `levels` of them below `__type`. */
export function deepIntrospection(levels: number): string {
  const opened = times(levels, (i) => (i % 2 === 0 ? "fields {" : "type {"));
  return `query Hostile { __type(name: "RouteResponse") { ${opened} name ${"} ".repeat(levels)}} }`;
}

/** A subscription nested `levels` deep below the ResourceRequest (unknown fields: the schema has no cycle a subscription can follow). */
export function deepSubscription(levels: number): string {
  return onResourceRequest("subscription", { selection: `${"a { ".repeat(levels)}b${" }".repeat(levels)}` });
}

/**
 * Escape's circular introspection: `__schema { types { fields { type { fields { type ...` through
 * the introspection types' own cycle, as deep as MAX_DEPTH allows.
 */
export const CIRCULAR_INTROSPECTION = "query Hostile { __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";

/**
 * Aliases multiplying the introspection cycle through fragments: `width` aliases of `types`, each
 * spreading `width` aliases of `fields`, each spreading `width` more. 3 x width aliases in the text,
 * width^3 copies of the schema's field graph in the answer; introspection costs no Cloud Control
 * call, so the cost estimate is 0. Two levels of `fields`: graphql-js refuses three.
 */
export function introspectionAliasFanout(width: number): string {
  return (
    `query Hostile { __schema { ${times(width, (i) => `t${i}: types { ...L1 }`)} } } ` +
    `fragment L1 on __Type { ${times(width, (i) => `f${i}: fields { type { ...L2 } }`)} } ` +
    `fragment L2 on __Type { ${times(width, (i) => `g${i}: fields { name type { name } }`)} }`
  );
}

/** One field with `count` copies of a directive (Escape's directive overloading, `@a@a@a...`). */
export function directiveOverloading(kind: OperationKind, count: number, directive = "@a"): string {
  return onResourceRequest(kind, { selection: `status ${directive.repeat(count)}` });
}

/** `[[[...]]]` nested `levels` deep as an argument value: the parser descends once per bracket. */
export function deepListLiteral(kind: OperationKind, levels: number): string {
  return onResourceRequest(kind, { selection: "status", token: `${"[".repeat(levels)}${"]".repeat(levels)}` });
}

/** Two fragments that spread each other. */
export function fragmentCycle(kind: OperationKind): string {
  return onResourceRequest(kind, {
    selection: "...A",
    after: " fragment A on ResourceRequest { status ...B } fragment B on ResourceRequest { done ...A }",
  });
}

/** JSON text of arrays nested `levels` deep, `[[[...]]]`: JSON.parse takes it, JSON.stringify of the result overflows the stack. */
export function nestedJsonText(levels: number): string {
  return `${"[".repeat(levels)}${"]".repeat(levels)}`;
}

/** A request's JSON text with one more variable whose value is given as JSON text. */
export function withRawVariable(request: GraphQLRequestBody, name: string, json: string): string {
  const text = JSON.stringify({ ...request, variables: { [name]: null } });
  return text.replace(`${JSON.stringify(name)}:null}`, `${JSON.stringify(name)}:${json}}`);
}

/** Comment bytes that lift a document over MAX_DOCUMENT_BYTES without adding a token. */
const padding = (bytes: number) => `# ${"c".repeat(bytes)}\n`;

const FIELDS: ExpectedRefusal = { code: "BAD_USER_INPUT", measure: "selections" };
const PARSE_FAILED: ExpectedRefusal = { code: "GRAPHQL_PARSE_FAILED" };
const VALIDATION_FAILED: ExpectedRefusal = { code: "GRAPHQL_VALIDATION_FAILED" };

/** The same attack at both doors: a query over HTTP, a subscription over WebSocket. */
function bothDoors(build: (kind: OperationKind) => GraphQLRequestBody, expected: ExpectedRefusal): Pick<HostileAttack, "http" | "ws"> {
  return { http: { body: JSON.stringify(build("query")), expected }, ws: { payload: JSON.stringify(build("subscription")), expected } };
}

const query = (text: string): GraphQLRequestBody => ({ query: text, operationName: "Hostile" });

/** Just under the 1 MiB WebSocket frame and HTTP body limits, with room for the JSON around it. */
const NEAR_ONE_MIB = 900 * 1024;
/** `status ` is 7 bytes: the most copies under NEAR_ONE_MIB. */
const FLOOD_FIELDS = Math.floor(NEAR_ONE_MIB / 7);

export const HOSTILE_ATTACKS: readonly HostileAttack[] = [
  {
    id: "fragment-fanout-17",
    description: "17 levels of fragments each spreading the next twice: 131 072 fields reached through spreads, from 1 KB of text.",
    ...bothDoors((kind) => query(fragmentFanout(kind, 17)), FIELDS),
  },
  {
    id: "fragment-fanout-24",
    description: "24 levels of fragments each spreading the next twice: 16.7 million fields reached through spreads, from 1.3 KB of text.",
    ...bothDoors((kind) => query(fragmentFanout(kind, 24)), FIELDS),
  },
  {
    id: "duplicate-fields-4000",
    description: "One field repeated 4000 times in one selection set (under MAX_TOKENS): 8 million pairwise comparisons in validation.",
    ...bothDoors((kind) => query(duplicateFields(kind, 4000)), FIELDS),
  },
  {
    id: "duplicate-fields-4900",
    description: "One field repeated 4900 times in one selection set (just under MAX_TOKENS and 64 KiB): 12 million pairwise comparisons.",
    ...bothDoors((kind) => query(duplicateFields(kind, 4900)), FIELDS),
  },
  {
    id: "duplicate-fields-fragments",
    description: "50 fragments of 80 copies of one field, all spread in one selection set: the pairwise comparison across fragments.",
    ...bothDoors((kind) => query(duplicateFieldsThroughFragments(kind, 50, 80)), FIELDS),
  },
  {
    id: "deep-nesting-40",
    description: "Selection sets nested 40 levels deep, beyond MAX_DEPTH (10): through introspection's cycle over HTTP, unknown fields in a subscription.",
    http: { body: JSON.stringify(query(deepIntrospection(40))), expected: { code: "BAD_USER_INPUT", measure: "depth" } },
    // The depth rule reports on entering the operation, before graphql-js's rules reach the unknown field.
    ws: { payload: JSON.stringify(query(deepSubscription(40))), expected: { code: "BAD_USER_INPUT", measure: "depth" } },
  },
  {
    id: "circular-introspection",
    description: "Escape's circular introspection, `__schema { types { fields { type { fields ...`, as deep as MAX_DEPTH allows: graphql-js 16.9+ refuses it.",
    http: { body: JSON.stringify(query(CIRCULAR_INTROSPECTION)), expected: VALIDATION_FAILED },
  },
  {
    id: "introspection-alias-fanout",
    description: "60 aliases over two fragments multiply the schema's field graph 8000 times; under MAX_ALIASES and MAX_DEPTH, and introspection costs nothing.",
    http: { body: JSON.stringify(query(introspectionAliasFanout(20))), expected: FIELDS },
  },
  {
    id: "aliases-150",
    description: "150 aliases of one field, over MAX_ALIASES (100).",
    ...bothDoors((kind) => query(aliasFlood(kind, 150)), { code: "BAD_USER_INPUT", measure: "aliases" }),
  },
  {
    id: "string-100kb",
    description: "A 100 KB string for the request token, as a variable, over MAX_STRING_LENGTH (4096).",
    ...bothDoors(
      (kind) => ({
        query: onResourceRequest(kind, { selection: "status", token: "$token", variableDefinitions: "($token: String!)" }),
        operationName: "Hostile",
        variables: { token: "t".repeat(100_000) },
      }),
      { code: "BAD_USER_INPUT", measure: "stringLength" },
    ),
  },
  {
    id: "document-over-64kib",
    description: "A 70 KB comment before a small operation: a document over MAX_DOCUMENT_BYTES (64 KiB) with a handful of tokens.",
    ...bothDoors((kind) => query(onResourceRequest(kind, { selection: "status", before: padding(70_000) })), { code: "BAD_USER_INPUT", measure: "documentBytes" }),
  },
  {
    id: "tokens-over-5000",
    description: "5001 copies of one field: over MAX_TOKENS (5000) by the copies alone.",
    ...bothDoors((kind) => query(duplicateFields(kind, 5001)), PARSE_FAILED),
  },
  {
    id: "token-flood-900kb",
    description: `${FLOOD_FIELDS} copies of one field in 900 KB, under the 1 MiB body and WebSocket frame limits: ${Math.round(FLOOD_FIELDS / 1000)}k tokens.`,
    ...bothDoors((kind) => query(duplicateFields(kind, FLOOD_FIELDS)), PARSE_FAILED),
  },
  {
    id: "nodes-50000-ids",
    description: "`nodes(ids:)` with 50 000 ids in a variable (under the 1 MiB body limit): a cost of 50 000 Cloud Control reads, over MAX_COST (250).",
    http: {
      body: JSON.stringify({ query: "query Hostile($ids: [ID!]!) { nodes(ids: $ids) { id } }", operationName: "Hostile", variables: { ids: Array.from({ length: 50_000 }, (_, i) => `i${i}`) } }),
      expected: { code: "BAD_USER_INPUT", measure: "cost" },
    },
  },
  {
    id: "first-100000",
    description: "A listing page of `first: 100000` with every item filled; the resolver allows 1 to 100.",
    http: {
      body: JSON.stringify(query('query Hostile { routeResponses(apiId: "hostileapi", routeId: "hostileroute", first: 100000) { nodes { properties } } }')),
      expected: { code: "BAD_USER_INPUT" },
    },
  },
  {
    id: "directive-overloading",
    description: "2400 copies of an unknown directive on one field (`@a@a@a...`, Escape's directive overloading), under MAX_TOKENS.",
    ...bothDoors((kind) => query(directiveOverloading(kind, 2400)), VALIDATION_FAILED),
  },
  {
    id: "deep-list-literal",
    description: "An argument value of 200 000 nested lists (`[[[...]]]`, 400 KB): the parser recurses once per bracket and runs out of stack near 2000.",
    ...bothDoors((kind) => query(deepListLiteral(kind, 200_000)), PARSE_FAILED),
  },
  {
    id: "fragment-cycle",
    description: "Two fragments spreading each other: a rule that follows spreads without a visited set never returns.",
    ...bothDoors((kind) => query(fragmentCycle(kind)), VALIDATION_FAILED),
  },
  {
    id: "batched-array",
    description: "An HTTP batch of 1000 operations in one JSON array: every limit would apply per operation, not per request.",
    http: { body: JSON.stringify(Array.from({ length: 1000 }, () => query(duplicateFields("query", 10)))), expected: { code: "BAD_REQUEST" } },
  },
  {
    id: "deep-json-variable",
    description: "A JSON patch value nested 100 000 levels deep in a variable (200 KB): anything recursive over it (serialising it for AWS) overflows the stack.",
    http: {
      body: withRawVariable(
        query(
          'mutation Hostile($value: JSON) { updateRouteResponse(input: { apiId: "hostileapi", routeId: "hostileroute", routeResponseId: "hostilerr", patch: [{ op: ADD, path: "/ResponseModels/a", value: $value }] }) { request { status } } }',
        ),
        "value",
        nestedJsonText(100_000),
      ),
      expected: { code: "BAD_USER_INPUT" },
    },
  },
];

/** The attack with this id; throws for an unknown one, naming the known ids. */
export function hostileAttack(id: string): HostileAttack {
  const found = HOSTILE_ATTACKS.find((attack) => attack.id === id);
  if (found === undefined) throw new Error(`No hostile attack "${id}"; known: ${HOSTILE_ATTACKS.map((attack) => attack.id).join(", ")}.`);
  return found;
}
