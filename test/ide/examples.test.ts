// The IDE's example operations against the gateway's schema: each must be a valid document whose
// variables coerce, so a user's first click never answers with a validation error. With the demo's
// ids, every query and mutation tab also runs, in order, against the demo (emulator and real HTTP
// gateway on loopback) and must answer without an error: the first tab lists its WebSocket APIs, the
// second walks one. Without ids, each tab that holds a placeholder answers "replace the placeholder"
// (not a format error) before any Cloud Control call. test/ide/browser.test.ts runs them all,
// the subscription included, in the browser.
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { before, describe, it } from "node:test";
import type { OperationDefinitionNode } from "graphql";
import { Kind, buildSchema, getVariableValues, parse, validate } from "graphql";
import { DEMO_EXAMPLE_IDS } from "../../src/demo.js";
import {
  DEMO_API_ID,
  DEMO_FEED_API_ID,
  DEMO_GAME_API_ID,
  DEMO_MISSING_MODEL_NAME,
  DEMO_MODELS,
  DEMO_REQUEST_TOKEN,
  DEMO_ROUTE_RESPONSES,
  DEMO_ROUTES,
} from "../../src/emulator/demoSeed.js";
import { AUTH_PLACEHOLDER_HEADERS, exampleCredentialsFor, routeResponseExamples } from "../../src/ide/index.js";
import { PLACEHOLDER_NOTE } from "../../src/ide/examples.js";
import type { TestDemo } from "../support/demo.js";
import { demoWritesSettled, startTestDemo } from "../support/demo.js";

/** schema/ at the repository root, from dist/test/ide/. */
const schemaDir = new URL("../../../schema/", import.meta.url);
const sdl = readdirSync(schemaDir)
  .filter((name) => name.endsWith(".graphql"))
  .sort()
  .map((name) => readFileSync(new URL(name, schemaDir), "utf8"))
  .join("\n");
const schema = buildSchema(sdl);

/** The demo's ids (docs/emulator.md, "The demo data"), as the gateway passes them in demo mode. */
const DEMO_IDS = DEMO_EXAMPLE_IDS;

const OPERATION_NAMES = [
  "ListWebSocketApis",
  "ApiRoutesGraph",
  "GetRouteResponse",
  "ListRouteResponses",
  "CreateRouteResponse",
  "UpdateRouteResponseWithSet",
  "UpdateRouteResponseWithPatch",
  "DeleteRouteResponse",
  "FollowResourceRequest",
  "FollowResourceRequestLive",
  "ListResourceRequests",
  "NodeLookup",
];

function operationOf(query: string): OperationDefinitionNode {
  const definitions = parse(query).definitions;
  assert.equal(definitions.length, 1, "one operation per tab, so the run button needs no choice");
  const [operation] = definitions;
  assert.equal(operation?.kind, Kind.OPERATION_DEFINITION);
  return operation;
}

for (const [label, ids] of [
  ["with the demo's ids", DEMO_IDS],
  ["without ids", undefined],
] as const) {
  describe(`routeResponseExamples ${label}`, () => {
    const examples = routeResponseExamples(ids);

    it("covers every use of the API, one named operation per tab", () => {
      assert.deepEqual(
        examples.map((example) => operationOf(example.query).name?.value),
        OPERATION_NAMES,
      );
      assert.equal(new Set(examples.map((example) => example.name)).size, examples.length);
    });

    for (const example of examples) {
      it(`"${example.name}" is valid against schema/ and its variables coerce`, () => {
        const document = parse(example.query);
        assert.deepEqual(
          validate(schema, document).map((error) => error.message),
          [],
        );
        const inputs = JSON.parse(example.variables ?? "{}") as Record<string, unknown>;
        const coerced = getVariableValues(schema, operationOf(example.query).variableDefinitions ?? [], inputs);
        assert.deepEqual(
          coerced.errors?.map((error) => error.message),
          undefined,
        );
        assert.equal(example.headers, AUTH_PLACEHOLDER_HEADERS.bearer);
      });
    }
  });
}

describe("the examples' headers pane", () => {
  it("holds no header when authentication is off, and the placeholder for the accepted credential when on", () => {
    for (const example of routeResponseExamples(DEMO_IDS, "none")) assert.equal("headers" in example, false, example.name);
    for (const example of routeResponseExamples(DEMO_IDS, "apiKey")) assert.deepEqual(JSON.parse(example.headers ?? ""), { "x-api-key": "<api key>" });
  });

  it("chooses the placeholder from the authentication settings", () => {
    assert.equal(exampleCredentialsFor({ enabled: false, bearerTokens: true, apiKeys: true }), "none");
    assert.equal(exampleCredentialsFor({ enabled: true, bearerTokens: false, apiKeys: true }), "apiKey");
    assert.equal(exampleCredentialsFor({ enabled: true, bearerTokens: true, apiKeys: true }), "bearer");
    assert.equal(exampleCredentialsFor({ enabled: true, bearerTokens: false, apiKeys: false }), "bearer");
  });
});

describe("routeResponseExamples' variables", () => {
  it("name the demo's resources in demo mode: the delete removes setTopic's, the follow tabs a seeded request", () => {
    const byName = new Map(routeResponseExamples(DEMO_IDS).map((example) => [example.name, JSON.parse(example.variables ?? "{}") as Record<string, unknown>]));
    assert.deepEqual(byName.get("List the region's WebSocket APIs"), { region: "us-east-1", first: 10, after: null });
    assert.deepEqual(byName.get("An API's routes with their route response and models"), { apiId: "chat7a1b2c", region: "us-east-1" });
    assert.deepEqual(byName.get("Get one route response"), { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", region: "us-east-1" });
    assert.deepEqual(byName.get("Create a route response"), {
      input: { apiId: "chat7a1b2c", routeId: "dcnt001", routeResponseKey: "$default", region: "us-east-1", wait: true },
    });
    assert.deepEqual(byName.get("Delete a route response"), {
      input: { apiId: "chat7a1b2c", routeId: "topc001", routeResponseId: "rrt0001", region: "us-east-1", wait: true },
    });
    assert.deepEqual(byName.get("Follow a resource request"), { requestToken: DEMO_REQUEST_TOKEN, region: "us-east-1" });
    assert.deepEqual(byName.get("Follow a resource request live"), { requestToken: DEMO_REQUEST_TOKEN, region: "us-east-1" });
    // base64url of [1, "RouteResponse", region, identifier] (src/resolvers/relay/nodeId.ts).
    const nodeId = byName.get("Look up an object by id")?.id as string;
    assert.deepEqual(JSON.parse(Buffer.from(nodeId, "base64url").toString("utf8")), [1, "RouteResponse", "us-east-1", "chat7a1b2c|send001|rrs0001"]);
    for (const example of routeResponseExamples(DEMO_IDS)) {
      assert.doesNotMatch(example.variables ?? "", /YOUR_/, example.name);
      assert.ok(!example.query.startsWith(PLACEHOLDER_NOTE), example.name);
    }
  });

  it("hold placeholders without ids, and leave the region to the gateway", () => {
    const variables = routeResponseExamples().map((example) => example.variables ?? "");
    // The first tab needs nothing filled in; the graph names the API to walk.
    assert.deepEqual(JSON.parse(variables[0] ?? ""), { first: 10, after: null });
    assert.deepEqual(JSON.parse(variables[1] ?? ""), { apiId: "YOUR_API_ID" });
    assert.deepEqual(JSON.parse(variables[2] ?? ""), { apiId: "YOUR_API_ID", routeId: "YOUR_ROUTE_ID", routeResponseId: "YOUR_ROUTE_RESPONSE_ID" });
    for (const text of variables) assert.doesNotMatch(text, /region|chat7a1b2c/);
  });

  it("start with the note to replace them, in the tabs that hold one and only there", () => {
    const noted = routeResponseExamples()
      .filter((example) => example.query.startsWith(PLACEHOLDER_NOTE))
      .map((example) => operationOf(example.query).name?.value);
    assert.deepEqual(noted, OPERATION_NAMES.filter((name) => name !== "ListWebSocketApis" && name !== "ListResourceRequests"));
  });
});

interface RunResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

interface GraphRoute {
  routeId: string;
  routeKey: string;
  twoWay: boolean;
  routeResponse: null | {
    routeResponseId: string;
    routeResponseKey: string;
    responseModels: Array<{ contentType: string; modelName: string; model: null | { modelId: string; name: string } }>;
  };
}

/** Cloud Control calls the demo's emulator has received (its control endpoint, docs/emulator.md). */
async function emulatorCalls(demo: TestDemo): Promise<number> {
  const response = await fetch(`${demo.emulatorUrl}/_emulator/stats`);
  return ((await response.json()) as { total: number }).total;
}

async function run(demo: TestDemo, query: string, variables: string | undefined): Promise<RunResult> {
  const response = await fetch(demo.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: JSON.parse(variables ?? "{}") as unknown }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as RunResult;
}

describe("the IDE's examples, run in order against the demo with its ids", { timeout: 60_000 }, () => {
  let demo: TestDemo;
  const results = new Map<string, RunResult>();
  /** Every tab but the subscription, which needs a WebSocket (the browser test runs it). */
  const runnable = routeResponseExamples(DEMO_IDS).filter((example) => operationOf(example.query).operation !== "subscription");

  before(async () => {
    demo = await startTestDemo();
    for (const example of runnable) {
      results.set(example.name, await run(demo, example.query, example.variables));
      await demoWritesSettled(demo);
    }
  });

  it("runs every query and mutation tab as shipped, without an error", () => {
    assert.deepEqual(
      runnable.map((example) => operationOf(example.query).name?.value),
      OPERATION_NAMES.filter((name) => name !== "FollowResourceRequestLive"),
    );
    for (const [name, result] of results) {
      assert.equal(result.errors, undefined, `${name}: ${JSON.stringify(result.errors)}`);
      assert.ok(result.data, name);
    }
  });

  it("deletes setTopic's route response, follows the request that created sendMessage's, and finds sendMessage's by its id", () => {
    const deleted = results.get("Delete a route response")?.data?.deleteRouteResponse as { request: { status: string } };
    assert.equal(deleted.request.status, "SUCCESS");
    const followed = results.get("Follow a resource request")?.data?.resourceRequest as { requestToken: string; operation: string; status: string; routeResponse: { id: string } };
    assert.deepEqual([followed.requestToken, followed.operation, followed.status], [DEMO_REQUEST_TOKEN, "CREATE", "SUCCESS"]);
    assert.equal(followed.routeResponse.id, DEMO_IDS.nodeId);
    const node = results.get("Look up an object by id")?.data?.node as { __typename: string; identifier: string };
    assert.deepEqual([node.__typename, node.identifier], ["RouteResponse", "chat7a1b2c|send001|rrs0001"]);
  });

  it("answers each placeholder of the tabs outside the demo with what to replace it with, before any Cloud Control call", async () => {
    const before = await emulatorCalls(demo);
    const refused = new Map<string, string[]>();
    for (const example of routeResponseExamples()) {
      if (!/YOUR_/.test(example.variables ?? "") || operationOf(example.query).operation === "subscription") continue;
      const result = await run(demo, example.query, example.variables);
      assert.deepEqual(
        result.errors?.map((error) => error.extensions?.code),
        ["BAD_USER_INPUT"],
        example.name,
      );
      refused.set(operationOf(example.query).name?.value ?? "", result.errors?.map((error) => error.message) ?? []);
    }
    const apiId = "still holds the placeholder YOUR_API_ID: replace it with an apiId that ListWebSocketApis returns.";
    assert.deepEqual(Object.fromEntries(refused), {
      ApiRoutesGraph: [`apiId ${apiId}`],
      GetRouteResponse: [`apiId ${apiId}`],
      ListRouteResponses: [`apiId ${apiId}`],
      CreateRouteResponse: [`input.apiId ${apiId}`],
      UpdateRouteResponseWithSet: [`input.apiId ${apiId}`],
      UpdateRouteResponseWithPatch: [`input.apiId ${apiId}`],
      DeleteRouteResponse: [`input.apiId ${apiId}`],
      FollowResourceRequest: ["requestToken still holds the placeholder YOUR_REQUEST_TOKEN: replace it with the request.requestToken a write returns, or one ListResourceRequests lists."],
      NodeLookup: ["id still holds the placeholder YOUR_NODE_ID: replace it with an `id` another result returns."],
    });
    assert.equal(await emulatorCalls(demo), before);
  });

  it("the first tab lists the demo's WebSocket APIs of the region, not its HTTP API", () => {
    const apis = results.get("List the region's WebSocket APIs")?.data?.apis as { edges: Array<{ node: { apiId: string; protocolType: string } }> };
    assert.deepEqual(
      apis.edges.map((edge) => edge.node.apiId),
      [DEMO_API_ID, DEMO_FEED_API_ID, DEMO_GAME_API_ID],
    );
    for (const edge of apis.edges) assert.equal(edge.node.protocolType, "WEBSOCKET");
  });

  it("the graph tab walks the chat API: routes, two-way or not, route responses, and models found or missing", () => {
    const api = results.get("An API's routes with their route response and models")?.data?.api as {
      name: string;
      routes: { nodes: GraphRoute[]; pageInfo: { hasNextPage: boolean } };
      models: { nodes: Array<{ name: string }> };
    };
    assert.equal(api.name, "chat-websocket");
    assert.equal(api.routes.pageInfo.hasNextPage, false);
    const byId = new Map(api.routes.nodes.map((route) => [route.routeId, route]));
    assert.deepEqual([...byId.keys()].sort(), Object.values(DEMO_ROUTES).sort());
    const send = byId.get(DEMO_ROUTES.sendMessage);
    assert.equal(send?.twoWay, true);
    assert.equal(send?.routeResponse?.routeResponseId, DEMO_ROUTE_RESPONSES.sendMessageDefault);
    assert.deepEqual(send?.routeResponse?.responseModels, [{ contentType: "application/json", modelName: "MessageAck", model: { modelId: DEMO_MODELS.MessageAck, name: "MessageAck" } }]);
    assert.deepEqual(byId.get(DEMO_ROUTES.sendPrivateMessage)?.routeResponse?.responseModels, [{ contentType: "application/json", modelName: DEMO_MISSING_MODEL_NAME, model: null }]);
    assert.deepEqual(byId.get(DEMO_ROUTES.leaveRoom), { routeId: DEMO_ROUTES.leaveRoom, routeKey: "leaveRoom", twoWay: false, routeResponse: null });
    assert.deepEqual(api.models.nodes.map((model) => model.name).sort(), Object.keys(DEMO_MODELS).sort());
  });
});
