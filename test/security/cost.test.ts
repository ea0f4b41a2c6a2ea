// The cost estimate, operation by operation, and the pieces of the budget (no server needed).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { getIntrospectionQuery, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { createCallBudget, estimateCost, longestString, maxWaitPolls } from "../../src/limits/index.js";
import { maxDepthRule } from "../../src/limits/index.js";
import { buildSchema, validate } from "graphql";

const OPTIONS = { waitPolls: 10 };
function cost(source: string, variables?: Record<string, unknown>): number {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  return estimateCost(document, operation, variables, OPTIONS);
}

describe("estimateCost", () => {
  it("counts one GetResource per single read, every alias counted", () => {
    assert.equal(cost(`{ routeResponse(apiId: "a", routeId: "r", routeResponseId: "x") { id } }`), 1);
    assert.equal(cost(`{ a: node(id: "1") { id } b: node(id: "2") { id } c: node(id: "1") { id } }`), 3);
  });

  it("counts nodes by their ids, from literals or variables", () => {
    assert.equal(cost(`{ nodes(ids: ["1", "2", "3"]) { id } }`), 3);
    assert.equal(cost(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 40 }, String) }), 40);
  });

  it("counts a listing's pages, and its items only when they select more than identifiers", () => {
    assert.equal(cost(`{ routeResponses(apiId: "a", routeId: "r") { nodes { id identifier } } }`), 1 + 2);
    assert.equal(cost(`{ routeResponses(apiId: "a", routeId: "r", first: 100) { edges { node { properties } } } }`), 1 + 5 + 100);
    assert.equal(cost(`query($n: Int = 40) { routeResponses(apiId: "a", routeId: "r", first: $n) { nodes { ...F } } } fragment F on RouteResponse { routeResponseKey }`), 1 + 2 + 40);
  });

  it("counts the request scan's ten pages and the reads of its items' route responses", () => {
    assert.equal(cost(`{ resourceRequests(first: 5) { nodes { status } } }`), 10);
    assert.equal(cost(`{ resourceRequests(first: 5) { nodes { routeResponse { id } } } }`), 15);
    assert.equal(cost(`{ resourceRequest(requestToken: "t") { routeResponse { id } } }`), 2);
  });

  it("counts a write, its polls with wait, update's read of the current model and the result's reads", () => {
    assert.equal(cost(`mutation { deleteRouteResponse(input: { apiId: "a", routeId: "r", routeResponseId: "x" }) { request { status } } }`), 1);
    assert.equal(cost(`mutation { createRouteResponse(input: { apiId: "a", routeId: "r", routeResponseKey: "k", wait: true }) { routeResponse { id } } }`), 1 + 10 + 1);
    assert.equal(
      cost(`mutation($input: UpdateRouteResponseInput!) { updateRouteResponse(input: $input) { request { routeResponse { id } } } }`, {
        input: { set: { routeResponseKey: "k" }, wait: true },
      }),
      1 + 1 + 10 + 1,
    );
    assert.equal(cost(`mutation { cancelResourceRequest(input: { requestToken: "t" }) { request { status } } }`), 2);
  });

  it("counts introspection as free and unknown root fields as one", () => {
    assert.equal(cost(getIntrospectionQuery()), 0);
    assert.equal(cost(`subscription { resourceRequestProgress(requestToken: "t") { status } }`), 1);
  });
});

describe("maxWaitPolls", () => {
  it("counts the polls of the doubling backoff within the wait", () => {
    // 250, 500, 1000, 2000, 4000, then 5000 each: polls start at 0.25, 0.75, 1.75, 3.75, 7.75, 12.75 ... 27.75 s.
    assert.equal(maxWaitPolls({ timeoutMs: 30_000, minDelayMs: 250, maxDelayMs: 5000 }), 10);
    assert.equal(maxWaitPolls({ timeoutMs: 0, minDelayMs: 250, maxDelayMs: 5000 }), 0);
    assert.equal(maxWaitPolls({ timeoutMs: 100, minDelayMs: 100, maxDelayMs: 100 }), 1);
  });
});

describe("createCallBudget", () => {
  it("spends up to its limit, then refuses with the count and the limit", () => {
    const budget = createCallBudget(2);
    budget.spend();
    budget.spend();
    assert.equal(budget.remaining, 0);
    assert.throws(() => budget.spend(), (error: { extensions: Record<string, unknown> }) => {
      assert.deepEqual(error.extensions, { code: "BAD_USER_INPUT", cloudControlCalls: 3, limit: 2 });
      return true;
    });
  });
});

describe("longestString", () => {
  it("finds the longest string in literals and in nested variables", () => {
    assert.equal(longestString(parse(`{ a(x: "abc", y: ["abcdef"]) }`), undefined), 6);
    assert.equal(longestString(parse(`{ a }`), { input: { patch: [{ value: { deep: ["x".repeat(50)] } }] } }), 50);
  });
});

describe("maxDepthRule and introspection", () => {
  it("lets GraphiQL's introspection query through at depth 10 (ofType chains do not count)", () => {
    const schema = buildSchema("type Query { a: Int }");
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });
    assert.deepEqual(validate(schema, parse(query), [maxDepthRule(10)]), []);
    const deep = "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";
    assert.equal(validate(schema, parse(deep), [maxDepthRule(8)]).length, 1);
  });
});
