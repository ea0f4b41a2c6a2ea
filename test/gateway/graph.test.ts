// The WebSocket API as one graph: APIs, their routes, each route's route response, through the real
// HTTP gateway and the emulator, with the Cloud Control calls each query makes counted by the
// emulator.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { RunningEmulator, SeedResource } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import type { TestGateway } from "./harness.js";
import { codesOf, startTestGateway } from "./harness.js";

const API = "graph01api";
const HTTP_API = "graph02api";

/** A WebSocket API with two two-way routes (each with its `$default` route response) and a one-way route without one; an HTTP API. */
function graphSeed(): SeedResource[] {
  const api = (apiId: string, protocol: string): SeedResource => ({
    typeName: "AWS::ApiGatewayV2::Api",
    properties: { ApiId: apiId, Name: `name-${apiId}`, ProtocolType: protocol, ...(protocol === "WEBSOCKET" ? { RouteSelectionExpression: "$request.body.action" } : {}) },
  });
  const route = (routeId: string, key: string, twoWay: boolean): SeedResource => ({
    typeName: "AWS::ApiGatewayV2::Route",
    properties: { ApiId: API, RouteId: routeId, RouteKey: key, ...(twoWay ? { RouteResponseSelectionExpression: "$default" } : {}) },
  });
  const response = (routeId: string, models: Record<string, string>): SeedResource => ({
    typeName: "AWS::ApiGatewayV2::RouteResponse",
    properties: { ApiId: API, RouteId: routeId, RouteResponseId: `rr${routeId}`, RouteResponseKey: "$default", ResponseModels: models },
  });
  return [
    api(API, "WEBSOCKET"),
    api(HTTP_API, "HTTP"),
    route("send", "sendMessage", true),
    route("join", "joinRoom", true),
    route("ping", "ping", false),
    response("send", { "application/json": "Greeting" }),
    response("join", { "application/json": "Greeting", "text/plain": "Plain" }),
  ];
}

/** The calls the emulator saw since `resetStats`, by operation. */
function calls(emulator: RunningEmulator) {
  const { operations, maxInFlight } = emulator.stats();
  return { get: operations.GetResource.calls, list: operations.ListResources.calls, maxInFlight };
}

const WHOLE_API = `query ($apiId: String!) {
  api(apiId: $apiId) {
    name protocolType
    routes(first: 10) {
      nodes {
        routeKey twoWay
        routeResponse { routeResponseKey responseModels { contentType modelName } }
      }
    }
  }
}`;

// Top level: the harness closes what it starts when the file is done.
const emulator: RunningEmulator = await startTestEmulator({ seed: { resources: graphSeed() } });
const gateway: TestGateway = await startTestGateway(emulator, { config: { cloudControl: { maxConcurrency: 2 } } });
const fullEmulator: RunningEmulator = await startTestEmulator({ seed: { resources: graphSeed() }, listFullModels: true });
const fullGateway: TestGateway = await startTestGateway(fullEmulator, { listedModelsComplete: true });

describe("the graph", () => {
  it("answers every route of an API with its route response: one listing per level, one read per selected object", async () => {
    emulator.resetStats();
    const response = await gateway.query(WHOLE_API, { apiId: API });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const api = response.data.api;
    assert.equal(api.name, `name-${API}`);
    assert.equal(api.protocolType, "WEBSOCKET");
    assert.deepEqual(
      api.routes.nodes.map((route: { routeKey: string; twoWay: boolean; routeResponse: { responseModels: unknown[] } | null }) => [route.routeKey, route.twoWay, route.routeResponse?.responseModels.length ?? null]),
      [
        ["sendMessage", true, 1],
        ["joinRoom", true, 2],
        ["ping", false, null],
      ],
    );
    // GetResource: the API, three routes, two route responses. ListResources: the routes, then one listing per route.
    assert.deepEqual(calls(emulator), { get: 1 + 3 + 2, list: 1 + 3, maxInFlight: calls(emulator).maxInFlight });
    assert.ok(calls(emulator).maxInFlight <= 2, `at most CLOUDCONTROL_MAX_CONCURRENCY calls at once, saw ${calls(emulator).maxInFlight}`);
  });

  it("reads nothing but listings when only identifiers are selected", async () => {
    emulator.resetStats();
    const response = await gateway.query(`{ api(apiId: "${API}") { routes { nodes { id routeId routeResponse { id routeResponseId route { routeId } api { apiId } } } } } }`);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.deepEqual(
      response.data.api.routes.nodes.map((route: { routeResponse: { routeResponseId: string } | null }) => route.routeResponse?.routeResponseId ?? null),
      ["rrsend", "rrjoin", null],
    );
    // The root `api` reads the API (null when missing); then the routes' listing and one route response listing per route.
    assert.deepEqual({ ...calls(emulator), maxInFlight: 0 }, { get: 1, list: 1 + 3, maxInFlight: 0 });
  });

  it("lists a route's route responses once for routeResponse and routeResponses, and reads each resource once", async () => {
    const ids = await gateway.query(`{ api(apiId: "${API}") { id routes { nodes { id } } } }`);
    const routeId = ids.data.api.routes.nodes[1].id as string;
    emulator.resetStats();
    const response = await gateway.query(
      `query ($id: ID!) {
        node(id: $id) { ... on Route { routeKey routeResponse { routeResponseKey } routeResponses { nodes { routeResponseKey route { routeKey } } } } }
        again: nodes(ids: [$id]) { ... on Route { routeKey } }
      }`,
      { id: routeId },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.equal(response.data.node.routeKey, "joinRoom");
    assert.equal(response.data.node.routeResponses.nodes[0].route.routeKey, "joinRoom");
    // The route once (node, nodes and the relation share it), the listing once, the route response once.
    assert.deepEqual({ ...calls(emulator), maxInFlight: 0 }, { get: 2, list: 1, maxInFlight: 0 });
  });

  it("lists APIs of both protocols, and filters by protocol", async () => {
    const all = await gateway.query(`{ apis { nodes { apiId protocolType } } }`);
    assert.deepEqual(
      all.data.apis.nodes.map((api: { apiId: string; protocolType: string }) => [api.apiId, api.protocolType]),
      [
        [API, "WEBSOCKET"],
        [HTTP_API, "HTTP"],
      ],
    );
    const http = await gateway.query(`{ apis(protocolType: HTTP) { nodes { apiId } } }`);
    assert.deepEqual(http.data.apis.nodes, [{ apiId: HTTP_API }]);
    const node = await gateway.query(`query ($id: ID!) { node(id: $id) { __typename ... on Api { apiId } } }`, { id: (await gateway.query(`{ api(apiId: "${HTTP_API}") { id } }`)).data.api.id });
    assert.deepEqual(node.data.node, { __typename: "Api", apiId: HTTP_API });
  });

  it("answers null for a missing API and BAD_USER_INPUT for a malformed id, before any call", async () => {
    emulator.resetStats();
    const missing = await gateway.query(`{ api(apiId: "nosuchapi") { name } }`);
    assert.equal(missing.data.api, null);
    const malformed = await gateway.query(`{ api(apiId: "Not/An/Id") { name } }`);
    assert.deepEqual(codesOf(malformed), ["BAD_USER_INPUT"]);
    assert.equal(calls(emulator).get, 1);
  });

  it("refuses a document that fans out beyond MAX_COST before any call", async () => {
    emulator.resetStats();
    const response = await gateway.query(`{ apis(first: 100) { nodes { routes(first: 100) { nodes { routeKey } } } } }`);
    assert.equal(response.status, 400);
    assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"]);
    assert.equal(response.errors?.[0]?.extensions?.limit, 250);
    assert.equal(emulator.stats().total, 0);
  });
});

describe("the graph over listings that return full models", () => {
  it("answers listed routes' fields without GetResource", async () => {
    fullEmulator.resetStats();
    const response = await fullGateway.query(WHOLE_API, { apiId: API });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.equal(response.data.api.routes.nodes[1].routeResponse.responseModels.length, 2);
    // The API (root field), then listings only: routes, and one route response listing per route.
    assert.deepEqual({ ...calls(fullEmulator), maxInFlight: 0 }, { get: 1, list: 1 + 3, maxInFlight: 0 });
  });
});
