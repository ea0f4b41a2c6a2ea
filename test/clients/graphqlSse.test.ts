// graphql-sse's client (GraphQL over Server-Sent Events, plain HTTP on the GraphQL URL) against the
// real gateway with authentication on, as a frontend uses it where WebSockets do not get through:
// credentials in ordinary headers, the subscription read with `iterate()` until the request is
// done, and a refusal before the stream surfacing with the gateway's code.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import type { Client } from "graphql-sse";
import { createClient } from "graphql-sse";
import { DEFAULT_SCOPES } from "../../src/auth/index.js";
import { DEMO_API_ID, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import { READ_KEY, WRITE_KEY, startSecureGateway, token } from "../security/support.js";
import { startTestEmulator } from "../support/emulator.js";

/** Long enough that the subscription starts while the write runs, even on a busy machine. */
const WRITE_DURATION_MS = 600;
const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: WRITE_DURATION_MS });
const gateway = await startSecureGateway(emulator);

const PROGRESS = `subscription Progress($token: String!) {
  resourceRequestProgress(requestToken: $token) { id requestToken status done routeResponse { modelSelectionExpression } }
}`;

interface Progress {
  resourceRequestProgress: { id: string; requestToken: string; status: string; done: boolean; routeResponse: { modelSelectionExpression: string | null } | null };
}

/** At most this many events are read from one subscription: a stream that never ends fails the test. */
const MAX_EVENTS = 50;

const clients: Client[] = [];
after(() => clients.forEach((client) => client.dispose()));

/** A client as a frontend makes one: the GraphQL URL and the headers it sends on every request. */
function sseClient(headers: Record<string, string>): Client {
  const client = createClient({ url: gateway.graphqlUrl, headers, retryAttempts: 0 });
  clients.push(client);
  return client;
}

/** Starts an update of the demo's sendMessage route response over HTTP (with a write key); its request token. */
async function startUpdate(expression: string): Promise<string> {
  const answer = await gateway.post(
    {
      query: `mutation ($expression: String) {
        updateRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}", set: { modelSelectionExpression: $expression } }) {
          request { requestToken status }
        }
      }`,
      variables: { expression },
    },
    { "x-api-key": WRITE_KEY },
  );
  assert.equal(answer.body.errors, undefined, answer.text);
  return answer.body.data.updateRouteResponse.request.requestToken as string;
}

describe("graphql-sse client, authentication on", () => {
  it("follows a write to its end with a bearer token in its headers", async () => {
    const requestToken = await startUpdate("$request.body.sse");
    const client = sseClient({ authorization: `Bearer ${await token({ scope: `${DEFAULT_SCOPES.read} ${DEFAULT_SCOPES.write}` })}` });
    const events: Progress["resourceRequestProgress"][] = [];
    for await (const result of client.iterate<Progress>({ query: PROGRESS, variables: { token: requestToken } })) {
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      if (result.data) events.push(result.data.resourceRequestProgress);
      assert.ok(events.length <= MAX_EVENTS, "the subscription ends");
    }
    assert.equal(events[0]?.status, "IN_PROGRESS");
    assert.ok(events.slice(0, -1).every((event) => !event.done));
    assert.deepEqual(
      [events.at(-1)?.requestToken, events.at(-1)?.status, events.at(-1)?.done, events.at(-1)?.routeResponse?.modelSelectionExpression],
      [requestToken, "SUCCESS", true, "$request.body.sse"],
    );
  });

  it("throws the gateway's refusal when the credentials lack the write scope, before any event", async () => {
    const events: unknown[] = [];
    let caught: unknown;
    try {
      for await (const result of sseClient({ "x-api-key": READ_KEY }).iterate({ query: PROGRESS, variables: { token: "never-looked-up" } })) events.push(result);
    } catch (error) {
      caught = error;
    }
    assert.deepEqual(events, []);
    // graphql-sse's NetworkError carries the answer: a JSON body with the gateway's error and code.
    assert.ok(caught instanceof Error && caught.name === "NetworkError", String(caught));
    const response = (caught as Error & { response?: Response }).response;
    assert.equal(response?.status, 403);
    const body = (await response?.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    assert.deepEqual(body.errors?.map((error) => error.extensions?.code), ["FORBIDDEN"]);
    assert.match(body.errors?.[0]?.message ?? "", new RegExp(DEFAULT_SCOPES.write));
  });
});
