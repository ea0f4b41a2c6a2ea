// Hostile ids through the real HTTP gateway: in every argument, input field, node id and patch value
// that carries an API Gateway id, each id that API Gateway could not have issued is BAD_USER_INPUT
// naming the argument, is not echoed, and causes no Cloud Control call (the emulator's counters stay
// at zero); the demo's own ids still reach Cloud Control.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { DEMO_API_ID, DEMO_REGION, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { startTestEmulator } from "../support/emulator.js";
import { HOSTILE_IDS } from "../support/hostileIds.js";
import type { SecureGateway } from "./support.js";
import { WRITE_KEY, apiKey, startSecureGateway } from "./support.js";

const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 0 });
const gateway: SecureGateway = await startSecureGateway(emulator);

const API = DEMO_API_ID;
const ROUTE = DEMO_ROUTES.sendMessage;
const RESPONSE = DEMO_ROUTE_RESPONSES.sendMessageDefault;
const nodeId = (identifier: string) => Buffer.from(JSON.stringify([1, "RouteResponse", DEMO_REGION, identifier]), "utf8").toString("base64url");

interface Place {
  name: string;
  /** The argument the refusal must name, at the start of its message. */
  argument: RegExp;
  query: string;
  variables: (id: string) => Record<string, unknown>;
  /** Where the error is, when it is not the only one (nodes). */
  errorPath?: Array<string | number>;
}

const READ_ONE = `query($apiId: String!, $routeId: String!, $routeResponseId: String!) {
  routeResponse(apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId) { routeResponseKey } }`;
const LIST = `query($apiId: String!, $routeId: String!) { routeResponses(apiId: $apiId, routeId: $routeId) { nodes { id } } }`;
const CREATE = `mutation($input: CreateRouteResponseInput!) { createRouteResponse(input: $input) { request { status } } }`;
const UPDATE = `mutation($input: UpdateRouteResponseInput!) { updateRouteResponse(input: $input) { request { status } } }`;
const DELETE = `mutation($input: DeleteRouteResponseInput!) { deleteRouteResponse(input: $input) { request { status } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;
const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;

const places: Place[] = [
  { name: "routeResponse(apiId)", argument: /^apiId /, query: READ_ONE, variables: (id) => ({ apiId: id, routeId: ROUTE, routeResponseId: RESPONSE }) },
  { name: "routeResponse(routeId)", argument: /^routeId /, query: READ_ONE, variables: (id) => ({ apiId: API, routeId: id, routeResponseId: RESPONSE }) },
  { name: "routeResponse(routeResponseId)", argument: /^routeResponseId /, query: READ_ONE, variables: (id) => ({ apiId: API, routeId: ROUTE, routeResponseId: id }) },
  { name: "routeResponses(apiId)", argument: /^apiId /, query: LIST, variables: (id) => ({ apiId: id, routeId: ROUTE }) },
  { name: "routeResponses(routeId)", argument: /^routeId /, query: LIST, variables: (id) => ({ apiId: API, routeId: id }) },
  {
    name: "createRouteResponse(input.apiId)",
    argument: /^input\.apiId /,
    query: CREATE,
    variables: (id) => ({ input: { apiId: id, routeId: DEMO_ROUTES.disconnect, routeResponseKey: "$default" } }),
  },
  {
    name: "createRouteResponse(input.routeId)",
    argument: /^input\.routeId /,
    query: CREATE,
    variables: (id) => ({ input: { apiId: API, routeId: id, routeResponseKey: "$default" } }),
  },
  {
    name: "updateRouteResponse(input.routeResponseId)",
    argument: /^input\.routeResponseId /,
    query: UPDATE,
    variables: (id) => ({ input: { apiId: API, routeId: ROUTE, routeResponseId: id, set: { routeResponseKey: "$default" } } }),
  },
  {
    name: "updateRouteResponse(patch TEST /ApiId)",
    argument: /^patch\[0\]\.value /,
    query: UPDATE,
    variables: (id) => ({ input: { apiId: API, routeId: ROUTE, routeResponseId: RESPONSE, patch: [{ op: "TEST", path: "/ApiId", value: id }] } }),
  },
  {
    name: "deleteRouteResponse(input.apiId)",
    argument: /^input\.apiId /,
    query: DELETE,
    variables: (id) => ({ input: { apiId: id, routeId: ROUTE, routeResponseId: RESPONSE } }),
  },
  {
    name: "deleteRouteResponse(input.routeId)",
    argument: /^input\.routeId /,
    query: DELETE,
    variables: (id) => ({ input: { apiId: API, routeId: id, routeResponseId: RESPONSE } }),
  },
  { name: "node(id): the ApiId inside", argument: /^id "[A-Za-z0-9_-]+(\.\.\.)?" is not a node id of this API\. (apiId |A route response identifier has three parts)/, query: NODE, variables: (id) => ({ id: nodeId(`${id}|${ROUTE}|${RESPONSE}`) }) },
  {
    name: "node(id): the RouteResponseId inside",
    argument: /^id "[A-Za-z0-9_-]+(\.\.\.)?" is not a node id of this API\. (routeResponseId |A route response identifier has three parts)/,
    query: NODE,
    variables: (id) => ({ id: nodeId(`${API}|${ROUTE}|${id}`) }),
  },
  { name: "node(id): the id itself", argument: /^id /, query: NODE, variables: (id) => ({ id }) },
  {
    name: "nodes(ids): the second of two",
    argument: /^id "[A-Za-z0-9_-]+(\.\.\.)?" is not a node id of this API\. (routeId |A route response identifier has three parts)/,
    query: NODES,
    variables: (id) => ({ ids: [nodeId(`${API}|${ROUTE}|${RESPONSE}`), nodeId(`${API}|${id}|${RESPONSE}`)] }),
    errorPath: ["nodes", 1],
  },
];

/** What of the hostile ids must never come back in an answer: NUL, the bidi override, a path, any surrogate (emoji), as such or escaped. */
const ECHOED = new RegExp(["\u0000", "\u202E", "[\uD800-\uDFFF]", "\\.\\./", "\\\\u0000", "\\\\u202e", "\\\\ud800"].join("|"), "i");

describe("hostile ids", () => {
  for (const place of places) {
    it(`${place.name}: BAD_USER_INPUT naming the argument, no Cloud Control call`, async () => {
      for (const [what, id] of HOSTILE_IDS) {
        // The first id of nodes(ids) is valid and read; only the hostile one must not be.
        emulator.resetStats();
        const answer = await gateway.post({ query: place.query, variables: place.variables(id) }, apiKey(WRITE_KEY));
        assert.equal(answer.status, 200, `${what}: ${answer.text.slice(0, 300)}`);
        const errors = (answer.body?.errors ?? []) as Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
        assert.equal(errors.length, 1, `${what}: ${answer.text.slice(0, 300)}`);
        const [error] = errors;
        assert.equal(error?.extensions?.code, "BAD_USER_INPUT", what);
        assert.match(error?.message ?? "", place.argument, what);
        assert.doesNotMatch(answer.text, ECHOED, what);
        if (place.errorPath) {
          assert.deepEqual(error?.path, place.errorPath, what);
          assert.equal(emulator.stats().total, 1, `${what}: only the valid id is read`);
          assert.equal(answer.body.data.nodes[0].id, nodeId(`${API}|${ROUTE}|${RESPONSE}`));
        } else {
          assert.equal(emulator.stats().total, 0, `${what}: no Cloud Control call`);
        }
      }
    });
  }

  it("the demo's ids pass the same checks and reach Cloud Control", async () => {
    emulator.resetStats();
    const read = await gateway.post({ query: READ_ONE, variables: { apiId: API, routeId: ROUTE, routeResponseId: RESPONSE } }, apiKey(WRITE_KEY));
    assert.equal(read.body?.errors, undefined, read.text);
    assert.equal(read.body.data.routeResponse.routeResponseKey, "$default");
    const node = await gateway.post({ query: NODE, variables: { id: nodeId(`${API}|${DEMO_ROUTES.connect}|${DEMO_ROUTE_RESPONSES.connectDefault}`) } }, apiKey(WRITE_KEY));
    assert.equal(node.body?.errors, undefined, node.text);
    const tested = await gateway.post(
      { query: UPDATE, variables: { input: { apiId: API, routeId: ROUTE, routeResponseId: RESPONSE, patch: [{ op: "TEST", path: "/ApiId", value: API }], wait: true } } },
      apiKey(WRITE_KEY),
    );
    assert.equal(tested.body?.errors, undefined, tested.text);
    assert.equal(tested.body.data.updateRouteResponse.request.status, "SUCCESS");
    assert.ok(emulator.stats().total >= 3, `Cloud Control calls: ${emulator.stats().total}`);
  });
});
