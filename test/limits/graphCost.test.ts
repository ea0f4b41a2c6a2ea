// The estimate of the resource graph's fields, with the gateway's own tables (no server needed).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { estimateCost } from "../../src/limits/index.js";
import { graphCost } from "../../src/resolvers/index.js";

function cost(source: string, variables?: Record<string, unknown>): number {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  assert.ok(operation);
  return estimateCost(document, operation, variables, { waitPolls: 10, graph: graphCost });
}

describe("estimateCost over the graph", () => {
  it("counts a whole API: its read, the routes' pages, one read per route and one listing and read per route response", () => {
    const whole = `{ api(apiId: "a") { name routes(first: 10) { nodes { routeKey routeResponse { routeResponseKey } } } } }`;
    assert.equal(cost(whole), 1 + (1 + 1) + 10 * (1 + 1 + 1));
  });

  it("counts no GetResource for objects that select only identifiers, through fragments too", () => {
    assert.equal(cost(`{ api(apiId: "a") { routes { nodes { id routeResponse { id route { routeId } } } } } }`), 1 + 3 + 25);
    assert.equal(cost(`{ api(apiId: "a") { routes { edges { node { ...R } } } } } fragment R on Route { id routeResponse { id } }`), 1 + 3 + 25);
    assert.equal(cost(`{ api(apiId: "a") { routes { nodes { ...R } } } } fragment R on Route { routeKey }`), 1 + 3 + 25);
  });

  it("multiplies nested connections, and reads each API when the protocol filter is given", () => {
    assert.equal(cost(`{ apis(first: 2) { nodes { routes(first: 2) { nodes { routeKey } } } } }`), 2 + 2 * (2 + 2));
    assert.equal(cost(`query ($p: ProtocolType) { apis(first: 2, protocolType: $p) { nodes { apiId } } }`, { p: "HTTP" }), 2 + 2);
    assert.equal(cost(`query ($p: ProtocolType) { apis(first: 2, protocolType: $p) { nodes { apiId } } }`, { p: null }), 2);
    assert.ok(cost(`{ apis(first: 100) { nodes { routes(first: 100) { nodes { routeKey } } } } }`) > 10_000);
  });

  it("counts node as its costliest node type", () => {
    assert.equal(cost(`{ node(id: "x") { id ... on Route { routeResponse { routeResponseKey } } ... on Api { name } } }`), 1 + 2);
    assert.equal(cost(`{ nodes(ids: ["x", "y"]) { ... on Api { routes(first: 5) { nodes { routeKey } } } } }`), 2 * (1 + 2 + 5));
  });
});

describe("estimateCost of models", () => {
  it("counts the model lookup once per API, however many route responses name models", () => {
    const lookup = 1 + 20;
    const models = `{ api(apiId: "a") { routes(first: 10) { nodes { routeResponse { responseModels { model { name } } } } } } }`;
    assert.equal(cost(models), 1 + 2 + 10 * (1 + 1) + lookup);
    // Each API of a region-wide listing has its own models.
    assert.equal(cost(`{ apis(first: 2) { nodes { routes(first: 1) { nodes { routeResponse { responseModels { model { name } } } } } } } }`), 2 + 2 * (2 + 2 + lookup));
    assert.equal(cost(`{ api(apiId: "a") { models(first: 30) { nodes { name } } } }`), 1 + 3 + 30);
  });
});
