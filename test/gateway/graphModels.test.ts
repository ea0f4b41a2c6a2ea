// Models in the graph: Api.models and ResponseModel.model (resolved by name within the API), through
// the real HTTP gateway against the emulator over loopback, which serves every type the query
// touches (API, routes, route responses, models) and counts the calls.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { RunningEmulator, SeedResource } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import type { TestGateway } from "./harness.js";
import { startTestGateway } from "./harness.js";

const API = "models01api";

const seed: SeedResource[] = [
  { typeName: "AWS::ApiGatewayV2::Api", properties: { ApiId: API, Name: "chat", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" } },
  ...["send", "join", "ping"].map((routeId) => ({
    typeName: "AWS::ApiGatewayV2::Route",
    properties: { ApiId: API, RouteId: routeId, RouteKey: routeId, RouteResponseSelectionExpression: "$default" },
  })),
  ...[
    ["send", { "application/json": "Greeting" }],
    ["join", { "application/json": "Greeting", "text/plain": "Plain", "application/xml": "Missing" }],
    ["ping", { "application/json": "Plain" }],
  ].map(([routeId, models]) => ({
    typeName: "AWS::ApiGatewayV2::RouteResponse",
    properties: { ApiId: API, RouteId: routeId, RouteResponseId: `rr${String(routeId)}`, RouteResponseKey: "$default", ResponseModels: models },
  })),
];

/** The API's models, seeded in the emulator as AWS would hold them. */
const models: SeedResource[] = [
  { ApiId: API, ModelId: "m1", Name: "Greeting", ContentType: "application/json", Schema: { type: "object" } },
  { ApiId: API, ModelId: "m2", Name: "Plain", ContentType: "text/plain", Schema: { type: "string" } },
  { ApiId: API, ModelId: "m3", Name: "Unused", Schema: { type: "null" } },
].map((properties) => ({ typeName: "AWS::ApiGatewayV2::Model", properties }));

const emulator: RunningEmulator = await startTestEmulator({ seed: { resources: [...seed, ...models] } });
const gateway: TestGateway = await startTestGateway(emulator);

/** The emulator's GetResource and ListResources calls since the last reset. */
function calls(): { get: number; list: number } {
  const { operations } = emulator.stats();
  return { get: operations.GetResource.calls, list: operations.ListResources.calls };
}

describe("models in the graph", () => {
  it("resolves every route response's models by name with one model listing for the API", async () => {
    emulator.resetStats();
    const response = await gateway.query(`{
      api(apiId: "${API}") {
        routes { nodes { routeId routeResponse { responseModels { contentType modelName model { name schema api { apiId } } } } } }
      }
    }`);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const found = response.data.api.routes.nodes.map((route: { routeId: string; routeResponse: { responseModels: Array<{ modelName: string; model: { name: string } | null }> } }) => [
      route.routeId,
      route.routeResponse.responseModels.map((entry) => [entry.modelName, entry.model?.name ?? null]),
    ]);
    assert.deepEqual(found, [
      ["send", [["Greeting", "Greeting"]]],
      ["join", [["Greeting", "Greeting"], ["Plain", "Plain"], ["Missing", null]]],
      ["ping", [["Plain", "Plain"]]],
    ]);
    assert.deepEqual(response.data.api.routes.nodes[0].routeResponse.responseModels[0].model.schema, { type: "object" });
    // Read: the API, three route responses, and each of the API's three models once (to learn its
    // name). Listed: the routes, one route response listing per route, and the API's models once.
    assert.deepEqual(calls(), { get: 1 + 3 + 3, list: 1 + 3 + 1 });
  });

  it("lists an API's models, reads only what is selected, and fetches models as nodes", async () => {
    emulator.resetStats();
    const listed = await gateway.query(`{ api(apiId: "${API}") { models(first: 2) { nodes { id modelId } pageInfo { hasNextPage } } } }`);
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
    assert.deepEqual(
      listed.data.api.models.nodes.map((model: { modelId: string }) => model.modelId),
      ["m1", "m2"],
    );
    assert.equal(listed.data.api.models.pageInfo.hasNextPage, true);
    // The API read, its models listed; no model read, only identifiers are selected.
    assert.deepEqual(calls(), { get: 1, list: 1 });
    const node = await gateway.query(`query ($id: ID!) { node(id: $id) { __typename ... on Model { name contentType } } }`, { id: listed.data.api.models.nodes[1].id });
    assert.deepEqual(node.data.node, { __typename: "Model", name: "Plain", contentType: "text/plain" });
    assert.deepEqual(calls(), { get: 2, list: 1 });
  });
});
