// Writes through the real HTTP gateway: create, update (set and raw patch), delete and cancel, with
// and without waiting, FAILED requests as data, idempotent retries with one clientToken, request
// tracking, and the Cloud Control calls behind each.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { CreateResourceCommand } from "@aws-sdk/client-cloudcontrol";
import { DEMO_API_ID, DEMO_REQUEST_TOKEN, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { cloudControlClient, startTestEmulator } from "../support/emulator.js";
import type { GraphQLResponse, Json, TestGateway } from "./harness.js";
import { LENIENT_KEYS, codesOf, eventually, startTestGateway } from "./harness.js";

// These tests create many route responses with distinct keys on the demo's $disconnect route, more
// than API Gateway allows (one `$default` per route), so their emulators run with LENIENT_KEYS.
/** Writes finish by the next read: `wait: true` returns at once with the outcome. */
const fast = await startTestEmulator({ ...LENIENT_KEYS, seed: "demo" });
const fastGateway = await startTestGateway(fast);
/** Writes stay IN_PROGRESS for a while: what a client sees without waiting, and what can be cancelled. */
// Long enough that a create and the cancel that follows it both land while it runs, even on a busy machine.
const SLOW_WRITE_MS = 2500;
const slow = await startTestEmulator({ ...LENIENT_KEYS, seed: "demo", writeDurationMs: SLOW_WRITE_MS });
const slowGateway = await startTestGateway(slow);

const REQUEST_FIELDS = `requestToken region operation status done identifier statusMessage errorCode eventTime retryAfter resourceModel`;
const REQUEST = `request { ${REQUEST_FIELDS} }`;
const ROUTE_RESPONSE = `routeResponse { id identifier routeResponseKey modelSelectionExpression responseModels { contentType modelName }
  responseParameters { name required } properties }`;

const CREATE = `mutation($input: CreateRouteResponseInput!) { createRouteResponse(input: $input) { ${REQUEST} ${ROUTE_RESPONSE} } }`;
const UPDATE = `mutation($input: UpdateRouteResponseInput!) { updateRouteResponse(input: $input) { ${REQUEST} ${ROUTE_RESPONSE} } }`;
const DELETE = `mutation($input: DeleteRouteResponseInput!) { deleteRouteResponse(input: $input) { ${REQUEST} ${ROUTE_RESPONSE} } }`;
const CANCEL = `mutation($input: CancelResourceRequestInput!) { cancelResourceRequest(input: $input) { ${REQUEST} } }`;
const STATUS = `query($token: String!) { resourceRequest(requestToken: $token) { ${REQUEST_FIELDS} routeResponse { routeResponseKey } } }`;

let keys = 0;
/** Route response keys must be unique per route. */
const freshKey = () => `key-${++keys}`;

async function create(gateway: TestGateway, input: Record<string, unknown>): Promise<Json> {
  const response = await gateway.query(CREATE, { input: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: freshKey(), ...input } });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data.createRouteResponse;
}

/** A new route response, created and waited for; its three ids. */
async function existing(gateway: TestGateway, input: Record<string, unknown> = {}) {
  const payload = await create(gateway, { wait: true, ...input });
  assert.equal(payload.request.status, "SUCCESS");
  const identifier = payload.request.identifier as string;
  const [apiId, routeId, routeResponseId] = identifier.split("|");
  return { ids: { apiId, routeId, routeResponseId }, identifier };
}

async function countOnDisconnectRoute(gateway: TestGateway): Promise<number> {
  const response = await gateway.query(`{ routeResponses(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", first: 100) { nodes { id } } }`);
  return response.data.routeResponses.nodes.length as number;
}

describe("createRouteResponse", () => {
  it("with wait: true returns the finished request and the new route response", async () => {
    fast.resetStats();
    const key = freshKey();
    const response = await fastGateway.query(CREATE, {
      input: {
        apiId: DEMO_API_ID,
        routeId: DEMO_ROUTES.disconnect,
        routeResponseKey: key,
        modelSelectionExpression: "$request.body.kind",
        responseModels: [{ contentType: "application/json", modelName: "Bye" }],
        responseParameters: [{ name: "method.response.header.X-Bye", required: true }],
        wait: true,
      },
    });
    assert.equal(response.errors, undefined);
    const { request, routeResponse } = response.data.createRouteResponse;
    assert.equal(request.operation, "CREATE");
    assert.equal(request.status, "SUCCESS");
    assert.equal(request.done, true);
    assert.equal(request.region, "us-east-1");
    assert.match(request.identifier, new RegExp(`^${DEMO_API_ID}\\|${DEMO_ROUTES.disconnect}\\|[a-z0-9]{7}$`));
    assert.match(request.eventTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.equal(routeResponse.identifier, request.identifier);
    assert.equal(routeResponse.routeResponseKey, key);
    assert.equal(routeResponse.modelSelectionExpression, "$request.body.kind");
    assert.deepEqual(routeResponse.responseModels, [{ contentType: "application/json", modelName: "Bye" }]);
    assert.deepEqual(routeResponse.responseParameters, [{ name: "method.response.header.X-Bye", required: true }]);
    const ops = fast.stats().operations;
    assert.equal(ops.CreateResource.calls, 1);
    assert.ok(ops.GetResourceRequestStatus.calls >= 1);
    assert.equal(ops.GetResource.calls, 1, "the fresh route response, read once after the write");

    const read = await fastGateway.query(`query($id: ID!) { node(id: $id) { ... on RouteResponse { routeResponseKey } } }`, { id: routeResponse.id });
    assert.deepEqual(read.data.node, { routeResponseKey: key });
  });

  it("makes no GetResource when the payload's routeResponse is not selected", async () => {
    fast.resetStats();
    const response = await fastGateway.query(
      `mutation($input: CreateRouteResponseInput!) { createRouteResponse(input: $input) { request { status } } }`,
      { input: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: freshKey(), wait: true } },
    );
    assert.equal(response.data.createRouteResponse.request.status, "SUCCESS");
    assert.equal(fast.stats().operations.GetResource.calls, 0);
  });

  it("without wait returns the accepted request at once, and resourceRequest follows it to SUCCESS", async () => {
    const key = freshKey();
    const payload = await create(slowGateway, { routeResponseKey: key });
    assert.equal(payload.request.status, "IN_PROGRESS");
    assert.equal(payload.request.done, false);
    assert.equal(payload.request.identifier, null, "a create's first event has no identifier");
    assert.equal(payload.request.resourceModel, null, "a create's first event carries no ResourceModel, as on AWS");
    assert.equal(payload.request.retryAfter, null, "nor a RetryAfter");
    assert.equal(payload.routeResponse, null);

    const finished = await eventually(
      () => slowGateway.query(STATUS, { token: payload.request.requestToken }),
      (response) => response.data?.resourceRequest?.done === true,
    );
    const request = finished.data.resourceRequest;
    assert.equal(request.status, "SUCCESS");
    assert.match(request.identifier, new RegExp(`^${DEMO_API_ID}\\|${DEMO_ROUTES.disconnect}\\|`));
    assert.deepEqual(request.routeResponse, { routeResponseKey: key });
  });

  it("reports a FAILED request as data, with errorCode and statusMessage", async () => {
    fast.failNextWrites({ count: 1, errorCode: "ServiceInternalError", statusMessage: "injected failure" });
    const before = await countOnDisconnectRoute(fastGateway);
    const response = await fastGateway.query(CREATE, {
      input: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: freshKey(), wait: true },
    });
    assert.equal(response.errors, undefined, "FAILED is not a GraphQL error");
    const { request, routeResponse } = response.data.createRouteResponse;
    assert.equal(request.status, "FAILED");
    assert.equal(request.done, true);
    assert.equal(request.errorCode, "ServiceInternalError");
    assert.equal(request.statusMessage, "injected failure");
    assert.equal(routeResponse, null);
    assert.equal(await countOnDisconnectRoute(fastGateway), before);
  });

  it("reports API Gateway's refusals as FAILED data: a duplicate key, a missing route", async () => {
    const key = freshKey();
    await existing(fastGateway, { routeResponseKey: key });
    const duplicate = await create(fastGateway, { routeResponseKey: key, wait: true });
    assert.equal(duplicate.request.status, "FAILED");
    assert.equal(duplicate.request.errorCode, "AlreadyExists");
    const orphan = await create(fastGateway, { routeId: "nope001", wait: true });
    assert.equal(orphan.request.status, "FAILED");
    assert.equal(orphan.request.errorCode, "NotFound");
  });

  it("returns the running request when WAIT_TIMEOUT_MS passes first, without an error", async () => {
    const impatient = await startTestGateway(slow, { config: { cloudControl: { wait: { timeoutMs: 100 } } } });
    const response = await impatient.query(CREATE, {
      input: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: freshKey(), wait: true },
    });
    assert.equal(response.errors, undefined);
    assert.equal(response.data.createRouteResponse.request.status, "IN_PROGRESS");
    assert.equal(response.data.createRouteResponse.request.done, false);
    assert.equal(response.data.createRouteResponse.routeResponse, null);
  });
});

describe("updateRouteResponse", () => {
  it("applies typed changes with `set`: add for absent properties, replace for present ones", async () => {
    const target = await existing(fastGateway, { responseModels: [{ contentType: "application/json", modelName: "Old" }] });
    fast.resetStats();
    const response = await fastGateway.query(UPDATE, {
      input: {
        ...target.ids,
        set: {
          modelSelectionExpression: "$request.body.kind",
          responseModels: [{ contentType: "application/json", modelName: "New" }],
          responseParameters: [{ name: "method.response.header.X-Kind", required: false }],
        },
        wait: true,
      },
    });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const { request, routeResponse } = response.data.updateRouteResponse;
    assert.equal(request.operation, "UPDATE");
    assert.equal(request.status, "SUCCESS");
    assert.equal(request.identifier, target.identifier);
    assert.equal(routeResponse.modelSelectionExpression, "$request.body.kind");
    assert.deepEqual(routeResponse.responseModels, [{ contentType: "application/json", modelName: "New" }]);
    assert.deepEqual(routeResponse.responseParameters, [{ name: "method.response.header.X-Kind", required: false }]);
    const ops = fast.stats().operations;
    assert.equal(ops.UpdateResource.calls, 1);
    assert.equal(ops.GetResource.calls, 2, "the current model before the patch, the fresh one after");
  });

  it("clears with null, including ModelSelectionExpression (which AWS only clears with add \"\")", async () => {
    const target = await existing(fastGateway, {
      modelSelectionExpression: "$request.body.kind",
      responseModels: [{ contentType: "application/json", modelName: "M" }],
      responseParameters: [{ name: "method.response.header.X", required: true }],
    });
    const response = await fastGateway.query(UPDATE, {
      input: {
        ...target.ids,
        set: { modelSelectionExpression: null, responseModels: null },
        wait: true,
      },
    });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const { routeResponse } = response.data.updateRouteResponse;
    assert.equal(routeResponse.modelSelectionExpression, null);
    assert.deepEqual(routeResponse.responseModels, []);
    assert.deepEqual(routeResponse.responseParameters, [{ name: "method.response.header.X", required: true }]);
    assert.equal("ModelSelectionExpression" in routeResponse.properties, false);
    assert.equal("ResponseModels" in routeResponse.properties, false);
  });

  it("applies raw patch operations without reading the route response first", async () => {
    const target = await existing(fastGateway, {
      modelSelectionExpression: "$request.body.kind",
      responseModels: [{ contentType: "application/json", modelName: "M" }],
    });
    fast.resetStats();
    const response = await fastGateway.query(
      `mutation($input: UpdateRouteResponseInput!) { updateRouteResponse(input: $input) { request { status } } }`,
      {
        input: {
          ...target.ids,
          patch: [
            { op: "ADD", path: "/ResponseModels/text~1plain", value: "Text" },
            { op: "TEST", path: "ResponseModels/application~1json", value: "M" },
            // AWS ignores `remove` here; the gateway sends `add ""`, which clears it.
            { op: "REMOVE", path: "/ModelSelectionExpression" },
          ],
          wait: true,
        },
      },
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.equal(response.data.updateRouteResponse.request.status, "SUCCESS");
    assert.equal(fast.stats().operations.GetResource.calls, 0);
    const read = await fastGateway.query(
      `{ routeResponse(apiId: "${target.ids.apiId}", routeId: "${target.ids.routeId}", routeResponseId: "${target.ids.routeResponseId}") {
        modelSelectionExpression responseModels { contentType modelName } } }`,
    );
    assert.deepEqual(read.data.routeResponse, {
      modelSelectionExpression: null,
      responseModels: [
        { contentType: "application/json", modelName: "M" },
        { contentType: "text/plain", modelName: "Text" },
      ],
    });
  });

  it("merges set and patch into one UpdateResource", async () => {
    const target = await existing(fastGateway);
    fast.resetStats();
    const response = await fastGateway.query(UPDATE, {
      input: {
        ...target.ids,
        set: { routeResponseKey: freshKey() },
        patch: [{ op: "ADD", path: "/ResponseParameters", value: { "method.response.header.Y": { Required: false } } }],
        wait: true,
      },
    });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.deepEqual(response.data.updateRouteResponse.routeResponse.responseParameters, [{ name: "method.response.header.Y", required: false }]);
    assert.equal(fast.stats().operations.UpdateResource.calls, 1);
  });

  it("reports AWS's schema validation as BAD_USER_INPUT with the AWS error name", async () => {
    const target = await existing(fastGateway);
    const response = await fastGateway.query(UPDATE, {
      input: { ...target.ids, patch: [{ op: "ADD", path: "/ResponseParameters/x", value: { Required: "yes" } }] },
    });
    assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"]);
    assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ValidationException");
  });

  it("answers NOT_FOUND for a route response that does not exist", async () => {
    const base = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseId: "gone001" };
    const viaSet = await fastGateway.query(UPDATE, { input: { ...base, set: { routeResponseKey: "x" } } });
    assert.deepEqual(codesOf(viaSet), ["NOT_FOUND"]);
    const viaPatch = await fastGateway.query(UPDATE, { input: { ...base, patch: [{ op: "ADD", path: "/RouteResponseKey", value: "x" }] } });
    assert.deepEqual(codesOf(viaPatch), ["NOT_FOUND"]);
    assert.equal(viaPatch.errors?.[0]?.extensions?.awsErrorName, "ResourceNotFoundException");
  });

  it("answers CONFLICT while another write of the same route response is in flight", async () => {
    const target = await existing(slowGateway);
    const input = target.ids;
    const first = await slowGateway.query(UPDATE, { input: { ...input, set: { routeResponseKey: freshKey() } } });
    assert.equal(first.data.updateRouteResponse.request.status, "IN_PROGRESS");
    const second = await slowGateway.query(DELETE, { input });
    assert.deepEqual(codesOf(second), ["CONFLICT"]);
    assert.equal(second.errors?.[0]?.extensions?.awsErrorName, "ConcurrentOperationException");
    assert.equal(typeof second.errors?.[0]?.extensions?.awsRequestId, "string");
  });

  it("rejects what AWS would reject, before any Cloud Control call", async () => {
    const ids = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseId: "whatever" };
    const cases: Array<Record<string, unknown>> = [
      { ...ids },
      { ...ids, set: {} },
      { ...ids, patch: [] },
      { ...ids, set: { routeResponseKey: null } },
      { ...ids, set: { routeResponseKey: "" } },
      { ...ids, set: { responseModels: [{ contentType: "a/b", modelName: "X" }, { contentType: "a/b", modelName: "Y" }] } },
      { ...ids, set: { responseParameters: [{ name: "p", required: true }, { name: "p", required: false }] } },
      { ...ids, patch: [{ op: "REPLACE", path: "/ApiId", value: "other" }] },
      { ...ids, patch: [{ op: "REMOVE", path: "RouteId" }] },
      { ...ids, patch: [{ op: "ADD", path: "/RouteResponseId", value: "x" }] },
      { ...ids, patch: [{ op: "MOVE", from: "/RouteId", path: "/RouteResponseKey" }] },
      { ...ids, patch: [{ op: "ADD", path: "/Unknown", value: 1 }] },
      { ...ids, patch: [{ op: "ADD", path: "/ResponseModels/a~2b", value: "x" }] },
      { ...ids, patch: [{ op: "ADD", path: "/", value: {} }] },
      { ...ids, patch: [{ op: "ADD", path: "/RouteResponseKey" }] },
      { ...ids, patch: [{ op: "COPY", path: "/RouteResponseKey" }] },
      { ...ids, apiId: "a|b", set: { routeResponseKey: "x" } },
      { ...ids, routeResponseId: "", set: { routeResponseKey: "x" } },
      { ...ids, region: "moon-1", set: { routeResponseKey: "x" } },
      { ...ids, clientToken: "not a token!", set: { routeResponseKey: "x" } },
      { ...ids, clientToken: "x".repeat(129), set: { routeResponseKey: "x" } },
    ];
    fast.resetStats();
    for (const input of cases) {
      const response = await fastGateway.query(UPDATE, { input });
      assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"], JSON.stringify(input));
    }
    assert.equal(fast.stats().total, 0);
  });
});

describe("deleteRouteResponse", () => {
  it("with wait: true deletes, and the route response reads as null afterwards", async () => {
    const target = await existing(fastGateway);
    const input = target.ids;
    const response = await fastGateway.query(DELETE, { input: { ...input, wait: true } });
    assert.equal(response.errors, undefined);
    const { request, routeResponse } = response.data.deleteRouteResponse;
    assert.equal(request.operation, "DELETE");
    assert.equal(request.status, "SUCCESS");
    assert.equal(request.identifier, target.identifier);
    assert.equal(routeResponse, null);
    const read = await fastGateway.query(`query($a: String!, $r: String!, $rr: String!) { routeResponse(apiId: $a, routeId: $r, routeResponseId: $rr) { id } }`, {
      a: input.apiId,
      r: input.routeId,
      rr: input.routeResponseId,
    });
    assert.deepEqual(read.data, { routeResponse: null });
  });

  it("without wait returns IN_PROGRESS", async () => {
    const target = await existing(slowGateway);
    const response = await slowGateway.query(DELETE, {
      input: target.ids,
    });
    assert.equal(response.data.deleteRouteResponse.request.status, "IN_PROGRESS");
    assert.equal(response.data.deleteRouteResponse.request.identifier, target.identifier);
  });

  it("reports deleting a missing route response as FAILED NotFound data, not an error", async () => {
    const response = await fastGateway.query(DELETE, {
      input: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseId: "gone002", wait: true },
    });
    assert.equal(response.errors, undefined);
    assert.equal(response.data.deleteRouteResponse.request.status, "FAILED");
    assert.equal(response.data.deleteRouteResponse.request.errorCode, "NotFound");
  });
});

describe("idempotent retries with one clientToken", () => {
  it("a retried create answers the original request and creates nothing more", async () => {
    const input = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: freshKey(), clientToken: "create-retry-1", wait: true };
    const first = await fastGateway.query(CREATE, { input });
    const count = await countOnDisconnectRoute(fastGateway);
    const second = await fastGateway.query(CREATE, { input });
    assert.equal(second.errors, undefined);
    assert.equal(second.data.createRouteResponse.request.requestToken, first.data.createRouteResponse.request.requestToken);
    assert.equal(second.data.createRouteResponse.request.status, "SUCCESS");
    assert.equal(second.data.createRouteResponse.routeResponse.identifier, first.data.createRouteResponse.routeResponse.identifier);
    assert.equal(await countOnDisconnectRoute(fastGateway), count);
  });

  it("a retry while the create is still running answers the same running request", async () => {
    const input = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: freshKey(), clientToken: "create-retry-2" };
    const first = await slowGateway.query(CREATE, { input });
    const second = await slowGateway.query(CREATE, { input });
    assert.equal(second.data.createRouteResponse.request.requestToken, first.data.createRouteResponse.request.requestToken);
    assert.equal(second.data.createRouteResponse.request.status, "IN_PROGRESS");
  });

  it("a retried delete answers the original SUCCESS, not NOT_FOUND", async () => {
    const target = await existing(fastGateway);
    const input = { ...target.ids, clientToken: "delete-retry-1", wait: true };
    const first = await fastGateway.query(DELETE, { input });
    assert.equal(first.data.deleteRouteResponse.request.status, "SUCCESS");
    const second = await fastGateway.query(DELETE, { input });
    assert.equal(second.errors, undefined);
    assert.equal(second.data.deleteRouteResponse.request.requestToken, first.data.deleteRouteResponse.request.requestToken);
    assert.equal(second.data.deleteRouteResponse.request.status, "SUCCESS");
    assert.equal(second.data.deleteRouteResponse.request.errorCode, null);
  });

  it("a retried update answers the original request", async () => {
    const target = await existing(fastGateway);
    const input = {
      ...target.ids,
      patch: [{ op: "ADD", path: "/ModelSelectionExpression", value: "$request.body.x" }],
      clientToken: "update-retry-1",
      wait: true,
    };
    const first = await fastGateway.query(UPDATE, { input });
    const second = await fastGateway.query(UPDATE, { input });
    assert.equal(second.data.updateRouteResponse.request.requestToken, first.data.updateRouteResponse.request.requestToken);
  });

  it("the same token with other input is CONFLICT", async () => {
    const token = "create-conflict-1";
    await create(fastGateway, { clientToken: token, wait: true });
    const response = await fastGateway.query(CREATE, {
      input: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: freshKey(), clientToken: token },
    });
    assert.deepEqual(codesOf(response), ["CONFLICT"]);
    assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ClientTokenConflictException");
    assert.equal(typeof response.errors?.[0]?.extensions?.awsRequestId, "string");
  });
});

describe("cancelResourceRequest", () => {
  it("cancels a running create, which then never happens", async () => {
    const before = await countOnDisconnectRoute(slowGateway);
    const created = await create(slowGateway, {});
    const response = await slowGateway.query(CANCEL, { input: { requestToken: created.request.requestToken, wait: true } });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    assert.equal(response.data.cancelResourceRequest.request.status, "CANCEL_COMPLETE");
    assert.equal(response.data.cancelResourceRequest.request.done, true);
    await new Promise((resolve) => setTimeout(resolve, SLOW_WRITE_MS + 100));
    assert.equal(await countOnDisconnectRoute(slowGateway), before);
  });

  it("without wait answers CANCEL_IN_PROGRESS or CANCEL_COMPLETE", async () => {
    const created = await create(slowGateway, {});
    const response = await slowGateway.query(CANCEL, { input: { requestToken: created.request.requestToken } });
    assert.ok(["CANCEL_IN_PROGRESS", "CANCEL_COMPLETE"].includes(response.data.cancelResourceRequest.request.status));
  });

  it("answers a request already cancelled as it is, so a retried cancel answers what the first did", async () => {
    const created = await create(slowGateway, {});
    const first = await slowGateway.query(CANCEL, { input: { requestToken: created.request.requestToken, wait: true } });
    assert.equal(first.data.cancelResourceRequest.request.status, "CANCEL_COMPLETE");
    slow.resetStats();
    const again = await slowGateway.query(CANCEL, { input: { requestToken: created.request.requestToken } });
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    assert.deepEqual(again.data.cancelResourceRequest.request, first.data.cancelResourceRequest.request);
    assert.equal(slow.stats().operations.CancelResourceRequest.calls, 0);
  });

  it("answers CONFLICT for a finished request, without calling CancelResourceRequest", async () => {
    const created = await create(fastGateway, { wait: true });
    fast.resetStats();
    const response = await fastGateway.query(CANCEL, { input: { requestToken: created.request.requestToken } });
    assert.deepEqual(codesOf(response), ["CONFLICT"]);
    assert.equal(fast.stats().operations.CancelResourceRequest.calls, 0);
  });

  it("answers NOT_FOUND for an unknown token", async () => {
    const response = await fastGateway.query(CANCEL, { input: { requestToken: "00000000-0000-0000-0000-000000000000" } });
    assert.deepEqual(codesOf(response), ["NOT_FOUND"]);
  });
});

// A separate emulator, so the request list holds exactly what this setup made, after the one
// request the demo seed holds (the CREATE of sendMessage's route response, the oldest).
const tracked = await startTestEmulator({ ...LENIENT_KEYS, seed: "demo", writeDurationMs: 0 });
const gateway = await startTestGateway(tracked);
const sdk = cloudControlClient(tracked);

async function write(query: string, input: Record<string, unknown>): Promise<string> {
  const response = await gateway.query(query, { input: { ...input, wait: true } });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  const payload = Object.values(response.data)[0] as { request: { requestToken: string } };
  return payload.request.requestToken;
}

// Newest first, as ListResourceRequests answers: an Api request in between must not show up.
const tokens: string[] = [];
const route = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect };
tokens.push(await write(CREATE, { ...route, routeResponseKey: "t1" }));
tokens.push(await write(CREATE, { ...route, routeResponseKey: "t2" }));
const apiRequest = await sdk.send(
  new CreateResourceCommand({
    TypeName: "AWS::ApiGatewayV2::Api",
    DesiredState: JSON.stringify({ Name: "other", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }),
  }),
);
tracked.failNextWrites({ count: 1, errorCode: "GeneralServiceException" });
tokens.push(await write(CREATE, { ...route, routeResponseKey: "t3" }));
const status = await gateway.query(STATUS, { token: tokens[0] });
const [apiId, routeId, routeResponseId] = (status.data.resourceRequest.identifier as string).split("|");
tokens.push(await write(UPDATE, { apiId, routeId, routeResponseId, set: { routeResponseKey: "t1b" } }));
tokens.push(await write(DELETE, { apiId, routeId, routeResponseId }));
const newestFirst = [...tokens].reverse().concat(DEMO_REQUEST_TOKEN);

describe("resourceRequest and resourceRequests", () => {
  const LIST = `query($first: Int, $after: String, $operations: [ResourceOperation!], $statuses: [OperationStatus!]) {
    resourceRequests(first: $first, after: $after, operations: $operations, statuses: $statuses) {
      edges { cursor node { requestToken operation status } } nodes { requestToken } pageInfo { hasNextPage endCursor } } }`;

  it("resourceRequest answers a request's status and its route response", async () => {
    const response = await gateway.query(STATUS, { token: tokens[1] });
    assert.equal(response.data.resourceRequest.status, "SUCCESS");
    assert.equal(response.data.resourceRequest.operation, "CREATE");
    assert.deepEqual(response.data.resourceRequest.routeResponse, { routeResponseKey: "t2" });
  });

  it("resourceRequest is null for an unknown token and for another resource type's request", async () => {
    const unknown = await gateway.query(STATUS, { token: "unknown-token" });
    assert.equal(unknown.errors, undefined);
    assert.equal(unknown.data.resourceRequest, null);
    const other = await gateway.query(STATUS, { token: apiRequest.ProgressEvent?.RequestToken });
    assert.equal(other.errors, undefined);
    assert.equal(other.data.resourceRequest, null);
  });

  it("resourceRequest of a delete has no routeResponse", async () => {
    const response = await gateway.query(STATUS, { token: tokens[4] });
    assert.equal(response.data.resourceRequest.operation, "DELETE");
    assert.equal(response.data.resourceRequest.routeResponse, null);
  });

  it("resourceRequests lists only route response requests, newest first, across pages", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 5; round += 1) {
      const response: GraphQLResponse = await gateway.query(LIST, { first: 2, after });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      seen.push(...response.data.resourceRequests.nodes.map((node: { requestToken: string }) => node.requestToken));
      if (!response.data.resourceRequests.pageInfo.hasNextPage) break;
      after = response.data.resourceRequests.pageInfo.endCursor;
    }
    assert.deepEqual(seen, newestFirst);
    assert.equal(seen.includes(apiRequest.ProgressEvent?.RequestToken as string), false);
  });

  it("resourceRequests filters by operation and status", async () => {
    const deletes = await gateway.query(LIST, { operations: ["DELETE"] });
    assert.deepEqual(
      deletes.data.resourceRequests.edges.map((edge: Json) => [edge.node.requestToken, edge.node.operation]),
      [[tokens[4], "DELETE"]],
    );
    const failed = await gateway.query(LIST, { statuses: ["FAILED"] });
    assert.deepEqual(failed.data.resourceRequests.nodes, [{ requestToken: tokens[2] }]);
    const createsThatSucceeded = await gateway.query(LIST, { operations: ["CREATE"], statuses: ["SUCCESS"] });
    assert.deepEqual(
      createsThatSucceeded.data.resourceRequests.nodes.map((node: Json) => node.requestToken),
      [tokens[1], tokens[0], DEMO_REQUEST_TOKEN],
    );
  });

  it("resourceRequests rejects a cursor of another filter and first out of range, before any call", async () => {
    const page = await gateway.query(LIST, { first: 1 });
    tracked.resetStats();
    const otherFilter = await gateway.query(LIST, { first: 1, after: page.data.resourceRequests.pageInfo.endCursor, operations: ["DELETE"] });
    assert.deepEqual(codesOf(otherFilter), ["BAD_USER_INPUT"]);
    const tooMany = await gateway.query(LIST, { first: 500 });
    assert.deepEqual(codesOf(tooMany), ["BAD_USER_INPUT"]);
    const badToken = await gateway.query(STATUS, { token: "has spaces" });
    assert.deepEqual(codesOf(badToken), ["BAD_USER_INPUT"]);
    assert.equal(tracked.stats().total, 0);
  });

  // Last in this group: it adds a request to the tracked emulator.
  it("resourceRequests continues after its cursor's item when newer requests arrived in between", async () => {
    const firstPage = await gateway.query(LIST, { first: 2 });
    assert.deepEqual(firstPage.data.resourceRequests.nodes.map((node: Json) => node.requestToken), newestFirst.slice(0, 2));
    await write(CREATE, { ...route, routeResponseKey: "t4" });
    const next = await gateway.query(LIST, { first: 2, after: firstPage.data.resourceRequests.pageInfo.endCursor });
    assert.deepEqual(next.data.resourceRequests.nodes.map((node: Json) => node.requestToken), newestFirst.slice(2, 4));
  });
});
