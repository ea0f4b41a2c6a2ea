// The graphql-ws client against the real gateway with authentication on, as a frontend uses it:
// credentials travel in connectionParams (a browser cannot set headers on a WebSocket), the
// subscription is read with `iterate()` until the request is done, and a socket without
// credentials ends with the close code the client hands its user.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import type { Client } from "graphql-ws";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { DEMO_API_ID, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import { DEFAULT_SCOPES } from "../../src/auth/index.js";
import { READ_KEY, WRITE_KEY, bearer, startSecureGateway, token } from "../security/support.js";
import { startTestEmulator } from "../support/emulator.js";

/** Long enough that the subscription starts while the write runs, even on a busy machine. */
const WRITE_DURATION_MS = 600;
const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: WRITE_DURATION_MS });
const gateway = await startSecureGateway(emulator);

const PROGRESS = `subscription Progress($token: String!) {
  resourceRequestProgress(requestToken: $token) { requestToken status done routeResponse { modelSelectionExpression } }
}`;

interface Progress {
  resourceRequestProgress: { requestToken: string; status: string; done: boolean; routeResponse: { modelSelectionExpression: string | null } | null };
}

/** At most this many events are read from one subscription: a stream that never ends fails the test. */
const MAX_EVENTS = 50;

const clients: Client[] = [];
after(() => Promise.all(clients.map((client) => client.dispose())));

/** A client as a frontend makes one, with these connectionParams. */
function wsClient(connectionParams?: Record<string, unknown>): Client {
  const client = createClient({
    url: gateway.graphqlUrl.replace(/^http/, "ws"),
    // Node 20 has no global WebSocket; browsers and Node 22+ need no webSocketImpl.
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** The demo's two route responses whose routes are not $connect: one per test, so that no write waits for another. */
const ROUTE_OF = { [DEMO_ROUTE_RESPONSES.sendMessageDefault]: DEMO_ROUTES.sendMessage, [DEMO_ROUTE_RESPONSES.sendPrivateMessageDefault]: DEMO_ROUTES.sendPrivateMessage };

/** Starts an update of one of the demo's route responses over HTTP (with a write key); its request token. */
async function startUpdate(routeResponseId: keyof typeof ROUTE_OF, expression: string): Promise<string> {
  const answer = await gateway.post(
    {
      query: `mutation ($routeId: String!, $routeResponseId: String!, $expression: String) {
        updateRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: $routeId, routeResponseId: $routeResponseId, set: { modelSelectionExpression: $expression } }) {
          request { requestToken status }
        }
      }`,
      variables: { routeId: ROUTE_OF[routeResponseId], routeResponseId, expression },
    },
    { "x-api-key": WRITE_KEY },
  );
  assert.equal(answer.body.errors, undefined, answer.text);
  assert.equal(answer.body.data.updateRouteResponse.request.status, "IN_PROGRESS");
  return answer.body.data.updateRouteResponse.request.requestToken as string;
}

/** Every event of one subscription, read with `iterate()` until it completes. */
async function allEvents(client: Client, requestToken: string): Promise<Progress["resourceRequestProgress"][]> {
  const events: Progress["resourceRequestProgress"][] = [];
  for await (const result of client.iterate<Progress>({ query: PROGRESS, variables: { token: requestToken } })) {
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    if (result.data) events.push(result.data.resourceRequestProgress);
    assert.ok(events.length <= MAX_EVENTS, "the subscription ends");
  }
  return events;
}

/** The socket is refused before any operation runs: the token asked for is never looked up. */
const requestToken = "never-looked-up";

describe("graphql-ws client, authentication on", () => {
  it("follows a write to its end with a bearer token in connectionParams", async () => {
    const ownToken = await startUpdate(DEMO_ROUTE_RESPONSES.sendMessageDefault, "$request.body.viaBearer");
    const client = wsClient({ authorization: `Bearer ${await token({ scope: `${DEFAULT_SCOPES.read} ${DEFAULT_SCOPES.write}` })}` });
    const events = await allEvents(client, ownToken);
    assert.ok(events.length >= 2, "the current state, then the change to done");
    assert.equal(events[0]?.status, "IN_PROGRESS");
    assert.ok(events.slice(0, -1).every((event) => !event.done));
    assert.deepEqual(
      { ...events.at(-1), requestToken: events.at(-1)?.requestToken === ownToken },
      { requestToken: true, status: "SUCCESS", done: true, routeResponse: { modelSelectionExpression: "$request.body.viaBearer" } },
    );
  });

  it("follows a write with an API key in connectionParams, under the header's name", async () => {
    const ownToken = await startUpdate(DEMO_ROUTE_RESPONSES.sendPrivateMessageDefault, "$request.body.viaKey");
    const events = await allEvents(wsClient({ "x-api-key": WRITE_KEY }), ownToken);
    assert.equal(events.at(-1)?.status, "SUCCESS");
    assert.equal(events.at(-1)?.routeResponse?.modelSelectionExpression, "$request.body.viaKey");
  });

  it("ends a subscription without credentials with close code 4401, before any event", async () => {
    const events: unknown[] = [];
    await assert.rejects(
      (async () => {
        for await (const result of wsClient().iterate({ query: PROGRESS, variables: { token: requestToken } })) events.push(result);
      })(),
      (error: { code?: number; reason?: string }) => {
        assert.equal(error.code, 4401, String(error.reason));
        return true;
      },
    );
    assert.deepEqual(events, []);
  });

  it("ends one whose credentials lack the write scope with close code 4403, saying which scope", async () => {
    await assert.rejects(
      (async () => {
        for await (const _ of wsClient({ "x-api-key": READ_KEY }).iterate({ query: PROGRESS, variables: { token: requestToken } })) {
          assert.fail("no event without the scope");
        }
      })(),
      (error: { code?: number; reason?: string }) => {
        assert.equal(error.code, 4403);
        assert.match(String(error.reason), new RegExp(DEFAULT_SCOPES.write));
        return true;
      },
    );
  });

  it("ends one with a token that does not verify with close code 4401 too", async () => {
    await assert.rejects(
      (async () => {
        for await (const _ of wsClient(bearer("not-a-jwt")).iterate({ query: PROGRESS, variables: { token: requestToken } })) {
          assert.fail("no event without a valid token");
        }
      })(),
      (error: { code?: number }) => error.code === 4401,
    );
  });
});
