// Reads through the real HTTP gateway, the real SDK and the emulator: every read field, null for
// missing, node ids, and the Cloud Control calls behind each query (batching, deduplication,
// bounded concurrency) from the emulator's stats. Where maxInFlight is asserted, the emulator adds
// 150 ms per call so that calls started together overlap even on a busy machine.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import {
  DEMO_API_ID,
  DEMO_REGION,
  DEMO_ROUTES,
  DEMO_ROUTE_RESPONSES,
  DEMO_WEST_API_ID,
  DEMO_WEST_REGION,
  DEMO_WEST_ROUTE_ID,
  DEMO_WEST_ROUTE_RESPONSE_ID,
} from "../../src/emulator/demoSeed.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import type { TestGateway } from "./harness.js";
import { LENIENT_KEYS, codesOf, responseIdAt, routeWithResponses, startTestGateway } from "./harness.js";

const SEND = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.sendMessage, routeResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault };
const WIDE_API = "wide000001";
const WIDE_ROUTE = "wide001";

// Started at the top level: `after` hooks registered here run when the whole file is done.
const emulator: RunningEmulator = await startTestEmulator({ ...LENIENT_KEYS, seed: "demo" });
emulator.seed(routeWithResponses(WIDE_API, WIDE_ROUTE, 10));
const gateway: TestGateway = await startTestGateway(emulator);

const ALL_FIELDS = `id identifier region apiId routeId routeResponseId routeResponseKey modelSelectionExpression
  responseModels { contentType modelName } responseParameters { name required } properties`;

describe("routeResponse", () => {
  it("answers every field from one GetResource", async () => {
    emulator.resetStats();
    const response = await gateway.query(
      `query($apiId: String!, $routeId: String!, $routeResponseId: String!) {
        routeResponse(apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId) { ${ALL_FIELDS} } }`,
      SEND,
    );
    assert.equal(response.errors, undefined);
    const rr = response.data.routeResponse;
    assert.equal(rr.identifier, `${DEMO_API_ID}|${DEMO_ROUTES.sendMessage}|${DEMO_ROUTE_RESPONSES.sendMessageDefault}`);
    assert.equal(rr.region, DEMO_REGION);
    assert.deepEqual([rr.apiId, rr.routeId, rr.routeResponseId], [SEND.apiId, SEND.routeId, SEND.routeResponseId]);
    assert.equal(rr.routeResponseKey, "$default");
    assert.equal(rr.modelSelectionExpression, "$context.status");
    assert.deepEqual(rr.responseModels, [{ contentType: "application/json", modelName: "MessageAck" }]);
    assert.deepEqual(rr.responseParameters, [
      { name: "method.response.header.X-Message-Id", required: true },
      { name: "method.response.header.X-Room", required: false },
    ]);
    assert.equal(rr.properties.RouteResponseKey, "$default");
    assert.deepEqual(rr.properties.ResponseModels, { "application/json": "MessageAck" });
    assert.equal(typeof rr.id, "string");
    assert.equal(emulator.stats().operations.GetResource.calls, 1);
    assert.equal(emulator.stats().total, 1);
  });

  it("is null without an error when the route response does not exist", async () => {
    emulator.resetStats();
    const response = await gateway.query(`{ routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.connect}", routeResponseId: "missing") { id } }`);
    assert.equal(response.errors, undefined);
    assert.deepEqual(response.data, { routeResponse: null });
    assert.equal(emulator.stats().operations.GetResource.calls, 1);
  });

  it("reads in the region named, and defaults to the configured one", async () => {
    const args = `apiId: "${DEMO_WEST_API_ID}", routeId: "${DEMO_WEST_ROUTE_ID}", routeResponseId: "${DEMO_WEST_ROUTE_RESPONSE_ID}"`;
    const response = await gateway.query(`{
      west: routeResponse(${args}, region: "${DEMO_WEST_REGION}") { region routeResponseKey }
      east: routeResponse(${args}) { region }
    }`);
    assert.equal(response.errors, undefined);
    assert.deepEqual(response.data.west, { region: DEMO_WEST_REGION, routeResponseKey: "$default" });
    assert.equal(response.data.east, null);
  });

  it("leaves ModelSelectionExpression null and the maps empty when they are unset", async () => {
    const response = await gateway.query(
      `{ routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.connect}", routeResponseId: "${DEMO_ROUTE_RESPONSES.connectDefault}") {
        modelSelectionExpression responseModels { contentType } responseParameters { name } } }`,
    );
    assert.deepEqual(response.data.routeResponse, { modelSelectionExpression: null, responseModels: [], responseParameters: [] });
  });
});

describe("batching", () => {
  const distinct = Array.from({ length: 10 }, (_, index) => responseIdAt(index + 1));
  // 20 aliases: every distinct route response twice.
  const twentyAliases = [...distinct, ...distinct]
    .map((id, index) => `a${index}: routeResponse(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", routeResponseId: "${id}") { routeResponseKey identifier }`)
    .join("\n");

  it("makes exactly 10 GetResource calls for 20 aliases over 10 route responses, all in flight together", async () => {
    emulator.setFaults({ latencyMs: 150 });
    try {
      emulator.resetStats();
      const response = await gateway.query(`{ ${twentyAliases} }`);
      assert.equal(response.errors, undefined);
      assert.equal(response.data.a0.routeResponseKey, "key1");
      assert.equal(response.data.a19.identifier, `${WIDE_API}|${WIDE_ROUTE}|${responseIdAt(10)}`);
      const stats = emulator.stats();
      assert.equal(stats.operations.GetResource.calls, 10);
      assert.equal(stats.total, 10);
      assert.equal(stats.maxInFlight, 10, "default concurrency is 10: all ten calls overlap");
    } finally {
      emulator.setFaults({ latencyMs: 0 });
    }
  });

  it("keeps at most CLOUDCONTROL_MAX_CONCURRENCY calls in flight", async () => {
    const narrow = await startTestGateway(emulator, { config: { cloudControl: { maxConcurrency: 4 } } });
    emulator.setFaults({ latencyMs: 150 });
    try {
      emulator.resetStats();
      const response = await narrow.query(`{ ${twentyAliases} }`);
      assert.equal(response.errors, undefined);
      const stats = emulator.stats();
      assert.equal(stats.operations.GetResource.calls, 10);
      assert.equal(stats.maxInFlight, 4);
    } finally {
      emulator.setFaults({ latencyMs: 0 });
    }
  });

  it("does not share a cache between two GraphQL requests", async () => {
    emulator.resetStats();
    const query = `{ routeResponse(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", routeResponseId: "${responseIdAt(1)}") { routeResponseKey } }`;
    await gateway.query(query);
    await gateway.query(query);
    assert.equal(emulator.stats().operations.GetResource.calls, 2);
  });
});

describe("routeResponses items", () => {
  it("makes no GetResource when only identifier fields are asked for", async () => {
    emulator.resetStats();
    const response = await gateway.query(`{ routeResponses(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}") {
      nodes { id identifier region apiId routeId routeResponseId } } }`);
    assert.equal(response.errors, undefined);
    assert.equal(response.data.routeResponses.nodes.length, 10);
    assert.equal(response.data.routeResponses.nodes[0].routeResponseId, responseIdAt(1));
    assert.deepEqual(emulator.stats().operations.ListResources.calls, 1);
    assert.equal(emulator.stats().operations.GetResource.calls, 0);
    assert.equal(emulator.stats().total, 1);
  });

  it("fills other fields through the loader, one GetResource per item, batched", async () => {
    emulator.setFaults({ latencyMs: 150 });
    try {
      emulator.resetStats();
      const response = await gateway.query(`{ routeResponses(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}") {
        edges { node { routeResponseKey responseModels { modelName } } } nodes { properties } } }`);
      assert.equal(response.errors, undefined);
      assert.deepEqual(
        response.data.routeResponses.edges.map((edge: { node: { routeResponseKey: string } }) => edge.node.routeResponseKey),
        Array.from({ length: 10 }, (_, index) => `key${index + 1}`),
      );
      const stats = emulator.stats();
      assert.equal(stats.operations.ListResources.calls, 1);
      assert.equal(stats.operations.GetResource.calls, 10, "edges and nodes share the loader: one call per item");
      assert.equal(stats.maxInFlight, 10);
    } finally {
      emulator.setFaults({ latencyMs: 0 });
    }
  });

  it("shares the loader with routeResponse in the same query", async () => {
    emulator.resetStats();
    const response = await gateway.query(`{
      list: routeResponses(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", first: 3) { nodes { routeResponseKey } }
      one: routeResponse(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", routeResponseId: "${responseIdAt(2)}") { routeResponseKey }
    }`);
    assert.equal(response.errors, undefined);
    assert.equal(response.data.one.routeResponseKey, "key2");
    assert.equal(emulator.stats().operations.GetResource.calls, 3);
  });

  it("answers NOT_FOUND for the route responses of a route that does not exist", async () => {
    const response = await gateway.query(`{ routeResponses(apiId: "${DEMO_API_ID}", routeId: "nope001") { nodes { id } } }`);
    assert.deepEqual(codesOf(response), ["NOT_FOUND"]);
    assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ResourceNotFoundException");
    assert.equal(typeof response.errors?.[0]?.extensions?.awsRequestId, "string");
  });
});

describe("node and nodes", () => {
  async function idOf(routeResponseId: string): Promise<string> {
    const response = await gateway.query(`{ routeResponse(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", routeResponseId: "${routeResponseId}") { id } }`);
    return response.data.routeResponse.id as string;
  }

  it("round-trips an id through node", async () => {
    const id = await idOf(responseIdAt(3));
    emulator.resetStats();
    const response = await gateway.query(`query($id: ID!) { node(id: $id) { __typename id ... on RouteResponse { identifier routeResponseKey } } }`, { id });
    assert.equal(response.errors, undefined);
    assert.deepEqual(response.data.node, {
      __typename: "RouteResponse",
      id,
      identifier: `${WIDE_API}|${WIDE_ROUTE}|${responseIdAt(3)}`,
      routeResponseKey: "key3",
    });
    assert.equal(emulator.stats().operations.GetResource.calls, 1);
  });

  it("keeps the region in the id", async () => {
    const west = await gateway.query(`{ routeResponse(apiId: "${DEMO_WEST_API_ID}", routeId: "${DEMO_WEST_ROUTE_ID}",
      routeResponseId: "${DEMO_WEST_ROUTE_RESPONSE_ID}", region: "${DEMO_WEST_REGION}") { id } }`);
    const response = await gateway.query(`query($id: ID!) { node(id: $id) { ... on RouteResponse { region identifier } } }`, {
      id: west.data.routeResponse.id,
    });
    assert.deepEqual(response.data.node, {
      region: DEMO_WEST_REGION,
      identifier: `${DEMO_WEST_API_ID}|${DEMO_WEST_ROUTE_ID}|${DEMO_WEST_ROUTE_RESPONSE_ID}`,
    });
  });

  it("answers per id: objects, null for missing, an error for a malformed id, in one batch", async () => {
    const [first, second] = [await idOf(responseIdAt(4)), await idOf(responseIdAt(5))];
    const missingId = Buffer.from(JSON.stringify([1, "RouteResponse", "us-east-1", `${WIDE_API}|${WIDE_ROUTE}|gone001`])).toString("base64url");
    emulator.setFaults({ latencyMs: 150 });
    try {
      emulator.resetStats();
      const response = await gateway.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on RouteResponse { routeResponseKey } } }`, {
        ids: [first, "not-an-id", missingId, second, first],
      });
      assert.deepEqual(response.data.nodes, [
        { id: first, routeResponseKey: "key4" },
        null,
        null,
        { id: second, routeResponseKey: "key5" },
        { id: first, routeResponseKey: "key4" },
      ]);
      assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"]);
      assert.deepEqual(response.errors?.[0]?.path, ["nodes", 1]);
      const stats = emulator.stats();
      assert.equal(stats.operations.GetResource.calls, 3, "first (twice), missing and second: three distinct keys");
      assert.equal(stats.maxInFlight, 3);
    } finally {
      emulator.setFaults({ latencyMs: 0 });
    }
  });

  it("rejects a malformed id with BAD_USER_INPUT and no Cloud Control call", async () => {
    emulator.resetStats();
    const tampered = Buffer.from(JSON.stringify([1, "RouteResponse", "us-east-1", "only|two"])).toString("base64url");
    for (const id of ["", "abc", "%%%", tampered, Buffer.from(JSON.stringify([9, "RouteResponse", "us-east-1", "a|b|c"])).toString("base64url")]) {
      const response = await gateway.query(`query($id: ID!) { node(id: $id) { id } }`, { id });
      assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"], `id ${JSON.stringify(id)}`);
      assert.deepEqual(response.data, { node: null });
    }
    assert.equal(emulator.stats().total, 0);
  });
});

describe("throttling", () => {
  it("fails only the field whose GetResource was throttled", async () => {
    emulator.resetStats();
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", message: "Rate exceeded", count: 1 }] });
    try {
      const response = await gateway.query(`{
        throttled: routeResponse(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", routeResponseId: "${responseIdAt(6)}") { routeResponseKey }
        listed: routeResponses(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", first: 2) { nodes { identifier } }
      }`);
      assert.deepEqual(codesOf(response), ["THROTTLED"]);
      assert.deepEqual(response.errors?.[0]?.path, ["throttled"]);
      assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ThrottlingException");
      assert.equal(response.data.throttled, null);
      assert.equal(response.data.listed.nodes.length, 2);
      assert.equal(emulator.stats().operations.GetResource.errors, 1);
    } finally {
      emulator.setFaults({ injectedErrors: [] });
    }
    const retried = await gateway.query(`{ routeResponse(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", routeResponseId: "${responseIdAt(6)}") { routeResponseKey } }`);
    assert.deepEqual(retried.data, { routeResponse: { routeResponseKey: "key6" } });
  });

  it("fails only the list item whose GetResource was throttled", async () => {
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", count: 1 }] });
    try {
      const response = await gateway.query(`{ routeResponses(apiId: "${WIDE_API}", routeId: "${WIDE_ROUTE}", first: 3) {
        nodes { identifier routeResponseKey } } }`);
      assert.deepEqual(codesOf(response), ["THROTTLED"]);
      const nodes = response.data.routeResponses.nodes as Array<{ routeResponseKey: string } | null>;
      assert.equal(nodes.length, 3);
      const failedAt = nodes.indexOf(null);
      assert.notEqual(failedAt, -1);
      assert.equal(nodes.filter((node) => node !== null).length, 2, "the other items stand");
      assert.deepEqual(response.errors?.[0]?.path, ["routeResponses", "nodes", failedAt, "routeResponseKey"]);
    } finally {
      emulator.setFaults({ injectedErrors: [] });
    }
  });
});
