// Partial results, through the real HTTP server and the emulator: a failing root field, alias or list
// item nulls only itself, and a write Cloud Control accepted is reported with its request whatever
// else in the document failed. Also what client caches need from the payloads: node ids on
// requests (the same from a write, a poll and `node`) and on deletes.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { DEMO_API_ID, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import { startTestEmulator } from "../support/emulator.js";
import { codesOf, startTestGateway } from "./harness.js";

const emulator = await startTestEmulator({ seed: "demo" });
const gateway = await startTestGateway(emulator);

const CONNECT = `apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.connect}", routeResponseId: "${DEMO_ROUTE_RESPONSES.connectDefault}"`;
const SEND = `apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}"`;
const ISO_WITH_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("partial results", () => {
  it("reports the first of two aliased writes when the second is refused", async () => {
    emulator.resetStats();
    const response = await gateway.query(`mutation {
      applied: updateRouteResponse(input: { ${CONNECT}, set: { modelSelectionExpression: "$request.body.partial" }, wait: true }) {
        request { id requestToken status eventTime }
        routeResponse { id modelSelectionExpression }
      }
      refused: updateRouteResponse(input: { ${CONNECT}, patch: [{ op: MOVE, path: "/ModelSelectionExpression" }] }) {
        request { requestToken }
      }
    }`);
    assert.equal(response.status, 200);
    assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"]);
    assert.deepEqual(response.errors?.[0]?.path, ["refused"]);
    assert.equal(response.data.refused, null);
    const { request, routeResponse } = response.data.applied;
    assert.equal(request.status, "SUCCESS");
    assert.match(request.requestToken, /\S/);
    assert.match(request.eventTime, ISO_WITH_MILLISECONDS);
    assert.equal(routeResponse.modelSelectionExpression, "$request.body.partial");
    // The refusal made no call: one UpdateResource, the first alias's.
    assert.equal(emulator.stats().operations.UpdateResource?.calls, 1);

    // The reported request is the one Cloud Control knows, under the same node id.
    const polled = await gateway.query(`query($token: String!, $id: ID!) {
      resourceRequest(requestToken: $token) { id status }
      node(id: $id) { __typename id ... on ResourceRequest { requestToken status } }
    }`, { token: request.requestToken, id: request.id });
    assert.equal(polled.errors, undefined);
    assert.deepEqual(polled.data.resourceRequest, { id: request.id, status: "SUCCESS" });
    assert.deepEqual(polled.data.node, { __typename: "ResourceRequest", id: request.id, requestToken: request.requestToken, status: "SUCCESS" });
  });

  it("reports an accepted write with its request when the wait's status reads are refused", async () => {
    // AccessDenied is no hiccup the wait rides out: before, it failed the mutation and hid the write.
    emulator.setFaults({ injectedErrors: [{ operation: "GetResourceRequestStatus", code: "AccessDeniedException", message: "Denied", status: 403 }] });
    try {
      const response = await gateway.query(`mutation {
        updateRouteResponse(input: { ${SEND}, set: { modelSelectionExpression: "$request.body.denied" }, wait: true }) {
          request { requestToken status done }
          routeResponse { id }
        }
      }`);
      assert.equal(response.errors, undefined, response.text);
      const { request, routeResponse } = response.data.updateRouteResponse;
      assert.match(request.requestToken, /\S/);
      assert.equal(request.done, false);
      assert.equal(routeResponse, null);
      assert.ok(emulator.stats().operations.GetResourceRequestStatus.errors >= 1);
    } finally {
      emulator.setFaults({ injectedErrors: [] });
    }
  });

  it("keeps a good root field beside the route responses of an unknown route", async () => {
    const response = await gateway.query(`{
      good: routeResponse(${SEND}) { id routeResponseKey }
      unknown: routeResponses(apiId: "${DEMO_API_ID}", routeId: "nope001") { nodes { id } }
    }`);
    assert.deepEqual(codesOf(response), ["NOT_FOUND"]);
    assert.deepEqual(response.errors?.[0]?.path, ["unknown"]);
    assert.equal(response.data.unknown, null);
    assert.equal(response.data.good.routeResponseKey, "$default");
  });

  it("nulls only the list item whose read failed, and keeps the rest of the page", async () => {
    const routes = Object.keys(DEMO_ROUTES).length;
    // Listings and relations make no GetResource here: the one read per route (batched) is the
    // only kind, and the injected error fails one of them.
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", message: "Rate exceeded", count: 1 }] });
    try {
      const response = await gateway.query(`{ routeResponses(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", first: 1) {
        nodes { route { api { routes(first: 10) { nodes { routeId routeKey } } } } } } }`);
      const nodes = response.data.routeResponses.nodes[0].route.api.routes.nodes as Array<{ routeId: string; routeKey: string } | null>;
      assert.deepEqual(codesOf(response), ["THROTTLED"]);
      assert.equal(nodes.length, routes);
      const failed = nodes.findIndex((node) => node === null);
            // The error names the field that failed; its null reaches up to the list item, and no further.
      assert.deepEqual(response.errors?.[0]?.path, ["routeResponses", "nodes", 0, "route", "api", "routes", "nodes", failed, "routeKey"]);
      assert.equal(nodes.filter((node) => node === null).length, 1);
      assert.ok(nodes.every((node, index) => index === failed || typeof node?.routeKey === "string"));
    } finally {
      emulator.setFaults({ injectedErrors: [] });
    }
  });

  it("nulls a relation whose read failed, not the object holding it", async () => {
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", message: "Rate exceeded", count: 1 }] });
    try {
      // Listed items carry their identity: the route's read is the only GetResource here.
      const response = await gateway.query(`{ routeResponses(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}") { nodes { routeResponseId route { routeKey } } } }`);
      assert.deepEqual(codesOf(response), ["THROTTLED"]);
      // routeKey failed; its null reaches up to the relation, and no further.
      assert.deepEqual(response.errors?.[0]?.path, ["routeResponses", "nodes", 0, "route", "routeKey"]);
      assert.deepEqual(response.data.routeResponses.nodes, [{ routeResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault, route: null }]);
    } finally {
      emulator.setFaults({ injectedErrors: [] });
    }
  });
});

describe("cache-friendly payloads", () => {
  it("names the deleted route response's id, and reads nothing for the payload", async () => {
    const JOIN = `apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.joinRoom}", routeResponseId: "${DEMO_ROUTE_RESPONSES.joinRoomDefault}"`;
    const before = await gateway.query(`{ routeResponse(${JOIN}) { id } }`);
    const id = before.data.routeResponse.id as string;
    emulator.resetStats();
    const deleted = await gateway.query(`mutation {
      deleteRouteResponse(input: { ${JOIN}, wait: true }) {
        deletedRouteResponseId
        request { __typename id status operation }
        routeResponse { __typename id routeResponseKey }
      }
    }`);
    assert.equal(deleted.errors, undefined);
    const payload = deleted.data.deleteRouteResponse;
    assert.equal(payload.deletedRouteResponseId, id);
    assert.equal(payload.request.status, "SUCCESS");
    assert.equal(payload.request.__typename, "ResourceRequest");
    // Nothing read it earlier in this request, and the delete does not read it for the payload.
    assert.equal(payload.routeResponse, null);
    assert.equal(emulator.stats().operations.GetResource?.calls ?? 0, 0);
    const gone = await gateway.query(`query($id: ID!) { node(id: $id) { id } }`, { id });
    assert.deepEqual(gone.data, { node: null });
  });

  it("answers the last known route response when the same request read it before deleting", async () => {
    const DEFAULT = `apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.default}", routeResponseId: "${DEMO_ROUTE_RESPONSES.defaultDefault}"`;
    emulator.resetStats();
    // The update's result is read after it (wait: true); the delete after it reuses that read. The
    // key set to null is left as it is.
    const response = await gateway.query(`mutation {
      update: updateRouteResponse(input: { ${DEFAULT}, set: { routeResponseKey: null, modelSelectionExpression: "$request.body.kind" }, wait: true }) {
        routeResponse { id }
      }
      delete: deleteRouteResponse(input: { ${DEFAULT} }) {
        deletedRouteResponseId
        request { operation }
        routeResponse { id routeResponseKey modelSelectionExpression }
      }
    }`);
    assert.equal(response.errors, undefined);
    const payload = response.data.delete;
    assert.equal(payload.request.operation, "DELETE");
    assert.equal(payload.routeResponse.id, payload.deletedRouteResponseId);
    assert.equal(payload.routeResponse.id, response.data.update.routeResponse.id);
    assert.deepEqual([payload.routeResponse.routeResponseKey, payload.routeResponse.modelSelectionExpression], ["$default", "$request.body.kind"]);
    // Two reads, both the update's (the current model for `set`, the result): the delete made none.
    assert.equal(emulator.stats().operations.GetResource?.calls, 2);
  });

  it("answers the route response the gateway's cache holds from an earlier request, with no read", async () => {
    const cached = await startTestGateway(emulator, { config: { cache: { ttlMs: 60_000 } } });
    const SEND_PRIVATE = `apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendPrivateMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendPrivateMessageDefault}"`;
    const read = await cached.query(`{ routeResponse(${SEND_PRIVATE}) { id routeResponseKey } }`);
    emulator.resetStats();
    const response = await cached.query(`mutation {
      deleteRouteResponse(input: { ${SEND_PRIVATE}, wait: true }) { deletedRouteResponseId request { status } routeResponse { id routeResponseKey } }
    }`);
    assert.equal(response.errors, undefined, response.text);
    const payload = response.data.deleteRouteResponse;
    assert.equal(payload.request.status, "SUCCESS");
    assert.deepEqual(payload.routeResponse, read.data.routeResponse);
    assert.equal(payload.deletedRouteResponseId, read.data.routeResponse.id);
    assert.equal(emulator.stats().operations.GetResource?.calls ?? 0, 0);
  });

  it("refuses a forged request node id before any call", async () => {
    emulator.resetStats();
    const forged = Buffer.from(JSON.stringify([1, "ResourceRequest", "us-east-1", "not a token"])).toString("base64url");
    const response = await gateway.query(`query($id: ID!) { node(id: $id) { id } }`, { id: forged });
    assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"]);
    assert.deepEqual(response.data, { node: null });
    assert.equal(emulator.stats().total, 0);
  });
});
