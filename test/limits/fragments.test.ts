// Fragment fan-outs, long fragment chains and deep nesting: the depth rule, the cost estimate and
// checkSelections walk each fragment once and never recurse, so these documents are measured exactly
// and refused, instead of taking exponential time or overflowing the stack (a 500). No timing here:
// bench/limits.ts prints times.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { Kind, OperationTypeNode, buildSchema, parse, specifiedRules, validate } from "graphql";
import type { DocumentNode, FieldNode, OperationDefinitionNode, ValueNode } from "graphql";
import { DEFAULT_LIMITS, checkSelections, estimateCost, maxAliasesRule, maxDepthRule } from "../../src/limits/index.js";
import { loadTypeDefs } from "../../src/server.js";

const gatewaySchema = buildSchema(loadTypeDefs().join("\n"));
const nestingSchema = buildSchema("type Query { a: A } type A { b: A, name: String }");

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
/** `fragment F0 on T { body(0) } fragment F1 on T { body(1) } ...`, the last one `leaf`. */
const chain = (count: number, on: string, body: (next: string) => string, leaf: string): string =>
  range(count + 1)
    .map((i) => ` fragment F${i} on ${on} { ${i === count ? leaf : body(`F${i + 1}`)} }`)
    .join("");

/** The attacker's fan-out: each fragment spreads the next twice; the last reads a route response. */
const fanOut = (levels: number): string =>
  `{ resourceRequest(requestToken: "t") { ...F0 } }` + chain(levels, "ResourceRequest", (next) => `...${next} ...${next}`, "routeResponse { id }");
/** The same, one level of nesting per fragment. */
const nestedFanOut = (levels: number): string => `{ a { ...F0 } }` + chain(levels, "A", (next) => `b { ...${next} ...${next} }`, "name");

function cost(source: string, variables?: Record<string, unknown>): number {
  const document = parse(source, { maxTokens: 10_000_000 });
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  assert.ok(operation);
  return estimateCost(document, operation, variables, { waitPolls: 10 });
}

const depthErrors = (source: string, maxDepth: number) =>
  validate(nestingSchema, parse(source, { maxTokens: 10_000_000 }), [maxDepthRule(maxDepth)]).map((error) => ({ message: error.message, extensions: error.extensions }));

describe("a fragment fan-out", () => {
  for (const levels of [24, 40]) {
    it(`of ${levels} levels costs 1 + 2^${levels} in the estimate, far over MAX_COST`, () => {
      assert.equal(cost(fanOut(levels)), 1 + 2 ** levels);
      assert.ok(cost(fanOut(levels)) > DEFAULT_LIMITS.maxCost);
    });

    it(`of ${levels} levels, nested, is refused by the depth rule with its depth`, () => {
      assert.deepEqual(depthErrors(nestedFanOut(levels), 10), [
        { message: `The operation is nested ${levels + 2} levels deep; the limit is 10.`, extensions: { code: "BAD_USER_INPUT", depth: levels + 2, limit: 10 } },
      ]);
    });
  }

  it("of 60 levels saturates the estimate at Number.MAX_SAFE_INTEGER", () => {
    assert.equal(cost(fanOut(60)), Number.MAX_SAFE_INTEGER);
  });

  it("of 40 levels is valid GraphQL: graphql-js with the gateway's rules finds nothing to refuse but its cost", () => {
    const rules = [...specifiedRules, maxDepthRule(DEFAULT_LIMITS.maxDepth), maxAliasesRule(DEFAULT_LIMITS.maxAliases)];
    assert.deepEqual(validate(gatewaySchema, parse(fanOut(40)), rules), []);
  });
});

describe("a linear chain of fragments", () => {
  // 1000 is the audit's length; 20 000 overflowed the recursive walks this replaced.
  for (const length of [1000, 20_000]) {
    it(`of ${length} fragments is measured without overflowing the stack`, () => {
      assert.equal(cost(`{ resourceRequest(requestToken: "t") { ...F0 } }` + chain(length, "ResourceRequest", (next) => `...${next}`, "routeResponse { id }")), 2);
      const nested = `{ a { ...F0 } }` + chain(length, "A", (next) => `b { ...${next} }`, "name");
      assert.deepEqual(depthErrors(nested, length + 2), []);
      assert.equal(depthErrors(nested, 10)[0]?.extensions.depth, length + 2);
    });
  }
});

describe("fragments summarised once", () => {
  it("give each spread the depth of its fragment wherever it sits", () => {
    const source = "{ a { ...F } x: a { b { b { ...F } } } } fragment F on A { b { name } }";
    assert.deepEqual(depthErrors(source, 5), []);
    assert.equal(depthErrors(source, 4)[0]?.message, "The operation is nested 5 levels deep; the limit is 4.");
  });

  it("count a fragment's reads each time it is spread, directly or through another fragment", () => {
    const source = `{ resourceRequests(first: 7) { nodes { ...R } edges { node { ...R ...R2 } } } }
      fragment R on ResourceRequest { routeResponse { id } }
      fragment R2 on ResourceRequest { ...R }`;
    assert.equal(cost(source), 10 + 3 * 7);
  });

  it("count root fields spread from fragments, as often as they are spread", () => {
    const source = `{ ...Q ...Q2 } fragment Q on Query { routeResponse(apiId: "a", routeId: "r", routeResponseId: "x") { id } } fragment Q2 on Query { ...Q ...Q }`;
    assert.equal(cost(source), 3);
  });

  it("stop at a cycle (graphql-js's NoFragmentCyclesRule refuses the document)", () => {
    const source = `{ resourceRequest(requestToken: "t") { ...F } } fragment F on ResourceRequest { routeResponse { id } ...G } fragment G on ResourceRequest { ...F }`;
    assert.equal(cost(source), 2);
    const errors = validate(gatewaySchema, parse(source), [...specifiedRules, maxDepthRule(10)]);
    assert.ok(errors.some((error) => error.message.startsWith('Cannot spread fragment "F" within itself')));
  });
});

describe("documents nested deeper than the parser goes (built as syntax trees)", () => {
  const LEVELS = 100_000;
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  const field = (fieldName: string, inner?: FieldNode, value?: ValueNode): FieldNode => ({
    kind: Kind.FIELD,
    name: name(fieldName),
    arguments: value === undefined ? [] : [{ kind: Kind.ARGUMENT, name: name("ids"), value }],
    selectionSet: inner === undefined ? undefined : { kind: Kind.SELECTION_SET, selections: [inner] },
  });
  const query = (root: FieldNode): DocumentNode => ({
    kind: Kind.DOCUMENT,
    definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: OperationTypeNode.QUERY, selectionSet: { kind: Kind.SELECTION_SET, selections: [root] } }],
  });
  const operationOf = (document: DocumentNode) => document.definitions[0] as OperationDefinitionNode;
  let nested = field("name");
  for (let level = 0; level < LEVELS; level++) nested = field("b", nested);
  let list: ValueNode = { kind: Kind.STRING, value: "id" };
  for (let level = 0; level < LEVELS; level++) list = { kind: Kind.LIST, values: [list] };

  it(`measure ${LEVELS} levels of selections`, () => {
    const document = query(field("a", nested));
    assert.equal(validate(nestingSchema, document, [maxDepthRule(10)])[0]?.extensions.depth, LEVELS + 2);
    assert.equal(checkSelections(document, { ...DEFAULT_LIMITS, maxSelections: 0 })?.extensions.selections, LEVELS + 2);
  });

  it(`read an argument nested ${LEVELS} levels deep`, () => {
    const document = query(field("nodes", field("id"), list));
    assert.equal(estimateCost(document, operationOf(document), {}, { waitPolls: 10 }), 1);
    assert.equal(checkSelections(document, { ...DEFAULT_LIMITS, maxSelections: 0 })?.extensions.selections, 1 + LEVELS + 1 + 1);
  });
});
