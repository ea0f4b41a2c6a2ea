// Models in the graph: Api.models and ResponseModel.model (resolved by name within the API), through
// the real HTTP gateway. APIs, routes and route responses come from the emulator over loopback; the
// emulator on this branch serves no AWS::ApiGatewayV2::Model yet, so the facade's Model calls are
// answered by a small store here, which counts them as the emulator counts the others.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import { createCloudControlClients } from "../../src/cloudcontrol/client.js";
import type { CloudControlFacade } from "../../src/cloudcontrol/facade.js";
import { createCloudControlFacade } from "../../src/cloudcontrol/facade.js";
import type { RunningEmulator, SeedResource } from "../../src/emulator/index.js";
import type { Identity, ResourceModel, ResourceTypeDescriptor } from "../../src/resourceTypes/index.js";
import { modelType } from "../../src/resourceTypes/model.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
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

/** The API's models, as Cloud Control would hold them. */
const MODELS = [
  { ApiId: API, ModelId: "m1", Name: "Greeting", ContentType: "application/json", Schema: { type: "object" } },
  { ApiId: API, ModelId: "m2", Name: "Plain", ContentType: "text/plain", Schema: { type: "string" } },
  { ApiId: API, ModelId: "m3", Name: "Unused", Schema: { type: "null" } },
];

/** The real facade, with Model's GetResource and ListResources answered from MODELS and counted. */
function withModels(inner: CloudControlFacade) {
  const counts = { get: 0, list: 0 };
  const isModel = (type: ResourceTypeDescriptor) => type.typeName === modelType.typeName;
  const facade: CloudControlFacade = {
    ...inner,
    async getResource<I extends Identity>(type: ResourceTypeDescriptor<I>, region: string, identifier: string) {
      if (!isModel(type)) return inner.getResource(type, region, identifier);
      counts.get += 1;
      const found = MODELS.find((model) => `${model.ApiId}|${model.ModelId}` === identifier);
      if (found === undefined) return null;
      return { ...type.parseIdentifier(identifier), region, identifier, properties: { ...found } } as ResourceModel<I>;
    },
    async listResources(type, region, parent, nextToken) {
      if (!isModel(type)) return inner.listResources(type, region, parent, nextToken);
      counts.list += 1;
      // Identifiers only, as Cloud Control promises.
      const items = MODELS.filter((model) => model.ApiId === parent.apiId).map((model) => {
        const identifier = `${model.ApiId}|${model.ModelId}`;
        return { ...type.parseIdentifier(identifier), region, identifier, properties: { ApiId: model.ApiId, ModelId: model.ModelId }, complete: false };
      });
      return { items, nextToken: null };
    },
  };
  return { facade, counts };
}

const emulator: RunningEmulator = await startTestEmulator({ seed: { resources: seed } });
const clients = createCloudControlClients({
  endpoint: emulator.url,
  credentials: TEST_CREDENTIALS,
  maxAttempts: 1,
  requestTimeoutMs: 5000,
  maxSockets: 10,
  pacing: { ratePerSecond: 10_000, burst: 10_000, maxInFlight: 10 },
});
after(() => clients.destroy());
const models = withModels(createCloudControlFacade(clients));
const gateway: TestGateway = await startTestGateway(emulator, { cloudControl: models.facade });

function reset() {
  emulator.resetStats();
  models.counts.get = 0;
  models.counts.list = 0;
}

describe("models in the graph", () => {
  it("resolves every route response's models by name with one model listing for the API", async () => {
    reset();
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
    // Emulator: the API, three route responses; the routes' listing and one route response listing per route.
    const { operations } = emulator.stats();
    assert.deepEqual([operations.GetResource.calls, operations.ListResources.calls], [1 + 3, 1 + 3]);
    // Models: one listing for the API, each of its three models read once to learn its name.
    assert.deepEqual(models.counts, { get: 3, list: 1 });
  });

  it("lists an API's models, reads only what is selected, and fetches models as nodes", async () => {
    reset();
    const listed = await gateway.query(`{ api(apiId: "${API}") { models(first: 2) { nodes { id modelId } pageInfo { hasNextPage } } } }`);
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
    assert.deepEqual(
      listed.data.api.models.nodes.map((model: { modelId: string }) => model.modelId),
      ["m1", "m2"],
    );
    assert.equal(listed.data.api.models.pageInfo.hasNextPage, true);
    assert.deepEqual(models.counts, { get: 0, list: 1 });
    const node = await gateway.query(`query ($id: ID!) { node(id: $id) { __typename ... on Model { name contentType } } }`, { id: listed.data.api.models.nodes[1].id });
    assert.deepEqual(node.data.node, { __typename: "Model", name: "Plain", contentType: "text/plain" });
    assert.deepEqual(models.counts, { get: 1, list: 1 });
  });
});
