// Subscription.resourceRequestProgress over WebSocket (graphql-ws protocol) against the real HTTP
// gateway and the emulator: subscribers of one request share one poller (the emulator counts
// GetResourceRequestStatus calls), statuses arrive in order and end done, leaving stops polling,
// and the WebSocket follows the same origin allowlist as CORS.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import type { Client, FormattedExecutionResult } from "graphql-ws";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { loadConfig, withConfig, withDefaultRegion } from "../../src/config.js";
import { startHttpServer } from "../../src/http/index.js";
import { createGateway } from "../../src/server.js";
import type { TestGateway } from "../gateway/harness.js";
import { RecordingLogger, startTestGateway } from "../gateway/harness.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";

/**
 * The emulator's writes outlast the subscribing (so the first poll sees IN_PROGRESS, even on a busy
 * machine), and the poll delay outlasts the write (so the second poll sees it done).
 */
const WRITE_DURATION_MS = 1000;
const POLL_DELAY_MS = 2500;

const PROGRESS = `subscription Progress($token: String!) {
  resourceRequestProgress(requestToken: $token) { id requestToken status done routeResponse { modelSelectionExpression } }
}`;

interface Progress {
  resourceRequestProgress: { id: string; requestToken: string; status: string; done: boolean; routeResponse: { modelSelectionExpression: string | null } | null };
}

function wsUrl(gateway: { graphqlUrl: string }): string {
  return gateway.graphqlUrl.replace(/^http/, "ws");
}

const clients: Client[] = [];
after(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

function client(gateway: { graphqlUrl: string }, connectionParams?: Record<string, unknown>): Client {
  const created = createClient({ url: wsUrl(gateway), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams });
  clients.push(created);
  return created;
}

/** One subscription: its results in order, its first one, and its end. */
function follow<T>(on: Client, query: string, variables: Record<string, unknown>) {
  const results: Array<FormattedExecutionResult<T, unknown>> = [];
  let firstSeen: (() => void) | undefined;
  const first = new Promise<void>((resolve) => (firstSeen = resolve));
  let unsubscribe: () => void = () => {};
  const ended = new Promise<"complete" | unknown>((resolve) => {
    unsubscribe = on.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          results.push(result);
          firstSeen?.();
        },
        error: (error) => {
          firstSeen?.();
          resolve(error);
        },
        complete: () => {
          firstSeen?.();
          resolve("complete");
        },
      },
    );
  });
  return { results, first, ended, unsubscribe: () => unsubscribe() };
}

/** The demo's route responses by id, with their routes: rrs0001 (sendMessage) and rrs0002 (sendPrivateMessage). */
const ROUTE_OF: Record<string, string> = { rrs0001: "send001", rrs0002: "sprv001" };

/** The node id of each request startUpdate made, by token: what a client cache keys the request by. */
const requestIds = new Map<string, string>();

async function startUpdate(gateway: TestGateway, routeResponseId: string, expression: string): Promise<string> {
  const response = await gateway.query<{ updateRouteResponse: { request: { id: string; requestToken: string; status: string } } }>(
    `mutation ($route: String!, $id: String!, $expression: String) {
      updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: $route, routeResponseId: $id, set: { modelSelectionExpression: $expression } }) {
        request { id requestToken status }
      }
    }`,
    { route: ROUTE_OF[routeResponseId], id: routeResponseId, expression },
  );
  assert.equal(response.errors, undefined, response.text);
  const request = response.data?.updateRouteResponse.request;
  if (request !== undefined) requestIds.set(request.requestToken, request.id);
  assert.equal(response.data?.updateRouteResponse.request.status, "IN_PROGRESS");
  return response.data?.updateRouteResponse.request.requestToken ?? "";
}

const emulator: RunningEmulator = await startTestEmulator({ seed: "demo", writeDurationMs: WRITE_DURATION_MS });
const gateway: TestGateway = await startTestGateway(emulator, { config: { cloudControl: { wait: { minDelayMs: POLL_DELAY_MS, maxDelayMs: POLL_DELAY_MS } } } });
const statusPolls = () => emulator.stats().operations.GetResourceRequestStatus.calls;

describe("resourceRequestProgress over graphql-ws", () => {

  it("streams one request to three subscribers from one poller, in order, ending with SUCCESS and the fresh route response", async () => {
    const token = await startUpdate(gateway, "rrs0001", "$request.body.version");
    emulator.resetStats();
    const one = client(gateway);
    const other = client(gateway);
    const first = follow<Progress>(one, PROGRESS, { token });
    await first.first;
    assert.equal(statusPolls(), 1);
    const second = follow<Progress>(one, PROGRESS, { token });
    const third = follow<Progress>(other, PROGRESS, { token });
    await Promise.all([second.first, third.first]);
    assert.equal(statusPolls(), 1, "the later subscribers joined the running poller");

    assert.deepEqual(await Promise.all([first.ended, second.ended, third.ended]), ["complete", "complete", "complete"]);
    for (const { results } of [first, second, third]) {
      assert.deepEqual(
        results.map((result) => [result.data?.resourceRequestProgress.status, result.data?.resourceRequestProgress.done]),
        [
          ["IN_PROGRESS", false],
          ["SUCCESS", true],
        ],
      );
      assert.equal(results[1]?.data?.resourceRequestProgress.routeResponse?.modelSelectionExpression, "$request.body.version");
      assert.equal(results[1]?.data?.resourceRequestProgress.requestToken, token);
      // Every event is the mutation's request under its node id: one entry in a client cache.
      assert.match(requestIds.get(token) ?? "", /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(
        results.map((result) => result.data?.resourceRequestProgress.id),
        [requestIds.get(token), requestIds.get(token)],
      );
    }
    assert.equal(statusPolls(), 2, "one poll stream: the first poll and the one that saw SUCCESS");
  });

  it("stops polling when every subscriber has left: the next subscriber starts a new poller", async () => {
    const token = await startUpdate(gateway, "rrs0002", "$request.body.kind");
    emulator.resetStats();
    const one = client(gateway);
    const a = follow<Progress>(one, PROGRESS, { token });
    const b = follow<Progress>(one, PROGRESS, { token });
    await Promise.all([a.first, b.first]);
    assert.equal(statusPolls(), 1);
    a.unsubscribe();
    b.unsubscribe();
    assert.deepEqual(await Promise.all([a.ended, b.ended]), ["complete", "complete"]);
    // A new subscriber polls at once: it would have joined (and been answered without a poll) had
    // the old poller still been running.
    const c = follow<Progress>(one, PROGRESS, { token });
    await c.first;
    assert.equal(statusPolls(), 2);
    assert.equal(c.results[0]?.data?.resourceRequestProgress.requestToken, token);
    c.unsubscribe();
  });

  it("answers an unknown token with NOT_FOUND and a malformed one with BAD_USER_INPUT, then completes", async () => {
    const one = client(gateway);
    const unknown = follow<Progress>(one, PROGRESS, { token: "no-such-request-0000" });
    assert.equal(await unknown.ended, "complete");
    assert.deepEqual(unknown.results.map((result) => result.errors?.map((error) => error.extensions?.code)), [["NOT_FOUND"]]);
    const malformed = follow<Progress>(one, PROGRESS, { token: "not a token!" });
    assert.equal(await malformed.ended, "complete");
    assert.deepEqual(malformed.results.map((result) => result.errors?.map((error) => error.extensions?.code)), [["BAD_USER_INPUT"]]);
  });

  it("serves only subscriptions: queries and mutations belong to HTTP; invalid documents are GRAPHQL_VALIDATION_FAILED", async () => {
    const one = client(gateway);
    const query = follow(one, `{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001") { id } }`, {});
    const errors = (await query.ended) as Array<{ message: string; extensions?: { code?: string } }>;
    assert.deepEqual(errors.map((error) => error.extensions?.code), ["BAD_REQUEST"]);
    const invalid = follow(one, `subscription { resourceRequestProgress(requestToken: "x") { nope } }`, {});
    const invalidErrors = (await invalid.ended) as Array<{ extensions?: { code?: string } }>;
    assert.deepEqual(invalidErrors.map((error) => error.extensions?.code), ["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("lets pages of its own origin and of allowed origins open a WebSocket, and refuses others with 403", async () => {
    const attempt = (url: string, origin: string) =>
      new Promise<number | "open">((resolve) => {
        const socket = new WebSocket(url, "graphql-transport-ws", { headers: { origin } });
        socket.on("open", () => {
          socket.close();
          resolve("open");
        });
        socket.on("unexpected-response", (_req, res) => {
          resolve(res.statusCode ?? 0);
          socket.terminate();
        });
        socket.on("error", () => {});
      });
    assert.equal(await attempt(wsUrl(gateway), gateway.url), "open");
    assert.equal(await attempt(wsUrl(gateway), "http://localhost:5173"), 403, "no CORS_ORIGINS: other origins are refused");
    const allowing = await startTestGateway(emulator, { config: { server: { corsOrigins: ["http://localhost:*"] } } });
    assert.equal(await attempt(wsUrl(allowing), "http://localhost:5173"), "open");
    assert.equal(await attempt(wsUrl(allowing), "https://evil.example"), 403);
  });

  it("closes open subscriptions with 1001 Going Away when the gateway closes, and then stops", async () => {
    const logger = new RecordingLogger();
    const own = createGateway({
      config: withConfig(withDefaultRegion(loadConfig({ AUTH_MODE: "off" }), "us-east-1"), {
        server: { port: 0 },
        cloudControl: { endpoint: emulator.url, wait: { minDelayMs: POLL_DELAY_MS, maxDelayMs: POLL_DELAY_MS } },
      }),
      credentials: TEST_CREDENTIALS,
      logger,
    });
    const http = await startHttpServer(own, { host: "127.0.0.1", port: 0 });
    const token = await startUpdate(
      {
        ...gateway,
        query: async (query, variables) => {
          const response = await fetch(http.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
          const text = await response.text();
          return { status: response.status, ...(JSON.parse(text) as object), text };
        },
      },
      "rrs0001",
      "$request.body.drain",
    );
    const closes: number[] = [];
    const one = createClient({ url: wsUrl(http), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, on: { closed: (event) => closes.push((event as { code: number }).code) } });
    const open = follow<Progress>(one, PROGRESS, { token });
    await open.first;
    await http.close();
    const ended = (await open.ended) as { code?: number };
    assert.equal(ended.code, 1001);
    assert.deepEqual(closes, [1001]);
    await one.dispose();
  });
});
