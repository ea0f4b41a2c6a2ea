// urql 6 (@urql/core) against the real gateway with its defaults and no other setup: queries go as
// GET (within the URL limit), its document cache (cacheExchange) serves repeats and refetches the
// queries that showed a typename once a mutation returns that typename, and subscriptions go
// through its subscriptionExchange over graphql-ws or graphql-sse.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import type { AnyVariables, OperationResult, TypedDocumentNode } from "@urql/core";
import { Client, cacheExchange, fetchExchange, gql, subscriptionExchange } from "@urql/core";
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";
import { DEMO_API_ID, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import { PAGED, recordingFetch, startClientTestBed } from "./support.js";

/** Writes outlast the subscribing, so the subscription sees the request in progress first. */
const WRITE_DURATION_MS = 600;
const { gateway } = await startClientTestBed({ writeDurationMs: WRITE_DURATION_MS });

/** A client as urql's docs make one: the URL and its two default exchanges; the fetch records what it sent. */
function urqlClient() {
  const recorder = recordingFetch();
  const client = new Client({
    url: gateway.graphqlUrl,
    exchanges: [cacheExchange, fetchExchange],
    fetch: recorder.fetch,
  });
  return { client, sent: recorder.sent };
}

/**
 * A client whose subscriptions go through urql's subscriptionExchange, as its docs wire it: over
 * graphql-ws (a WebSocket), or graphql-sse (Server-Sent Events on the same URL, plain HTTP).
 */
function urqlWithSubscriptions(transport: "graphql-ws" | "graphql-sse"): Client {
  let subscribe: (request: { query: string; variables?: Record<string, unknown> }, sink: Sink) => () => void;
  if (transport === "graphql-ws") {
    const ws = createWsClient({ url: gateway.graphqlUrl.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    after(() => ws.dispose());
    subscribe = (request, sink) => ws.subscribe(request, sink);
  } else {
    const sse = createSseClient({ url: gateway.graphqlUrl, retryAttempts: 0 });
    after(() => sse.dispose());
    subscribe = (request, sink) => sse.subscribe(request, sink);
  }
  return new Client({
    url: gateway.graphqlUrl,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || "" };
          return {
            subscribe(sink) {
              const unsubscribe = subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

/** What graphql-ws's and graphql-sse's subscribe both take. */
interface Sink {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}

const ROUTE_RESPONSE: TypedDocumentNode<
  { routeResponse: { id: string; routeResponseKey: string; modelSelectionExpression: string | null } | null },
  { apiId: string; routeId: string; routeResponseId: string }
> = gql`
  query RouteResponse($apiId: String!, $routeId: String!, $routeResponseId: String!) {
    routeResponse(apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId) { id routeResponseKey modelSelectionExpression }
  }
`;

const UPDATE: TypedDocumentNode<
  { updateRouteResponse: { request: { requestToken: string; status: string }; routeResponse: { id: string; modelSelectionExpression: string | null } | null } | null },
  { apiId: string; routeId: string; routeResponseId: string; expression: string; wait: boolean }
> = gql`
  mutation SetExpression($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String!, $wait: Boolean) {
    updateRouteResponse(
      input: { apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: { modelSelectionExpression: $expression }, wait: $wait }
    ) {
      request { requestToken status }
      routeResponse { id modelSelectionExpression }
    }
  }
`;

const PROGRESS: TypedDocumentNode<{ resourceRequestProgress: { status: string; done: boolean } }, { token: string }> = gql`
  subscription Progress($token: String!) {
    resourceRequestProgress(requestToken: $token) { status done }
  }
`;

/** How long a test waits for a watched query's next result before asserting on what it has. */
const SETTLE_MS = 5000;

/**
 * A query kept open as a component keeps it: every result it delivers, and `until(check)`, which
 * waits (at most SETTLE_MS) for a result that passes `check` and returns the last one delivered.
 */
function watch<Data, Variables extends AnyVariables>(client: Client, query: TypedDocumentNode<Data, Variables>, variables: Variables) {
  const results: Array<OperationResult<Data, Variables>> = [];
  const waiters = new Set<() => void>();
  const { unsubscribe } = client.query(query, variables).subscribe((result) => {
    results.push(result);
    for (const wake of waiters) wake();
  });
  const until = async (check: (result: OperationResult<Data, Variables>) => boolean) => {
    const deadline = Date.now() + SETTLE_MS;
    while (!results.some(check) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      waiters.clear();
    }
    return results.at(-1);
  };
  return { results, until, stop: unsubscribe };
}

describe("urql 6 with its defaults", () => {
  it("sends a query as GET and answers it", async () => {
    const { client, sent } = urqlClient();
    const ids = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.sendMessage, routeResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault };
    const result = await client.query(ROUTE_RESPONSE, ids).toPromise();
    assert.equal(result.error, undefined, String(result.error));
    assert.equal(result.data?.routeResponse?.routeResponseKey, "$default");
    assert.deepEqual(sent, [{ method: "GET", operationName: "RouteResponse" }]);
  });

  it("answers a repeated query from its document cache, and refetches it after a mutation returns its typename", async () => {
    const { client, sent } = urqlClient();
    const ids = { ...PAGED, routeResponseId: "rr00002" };
    const watched = watch(client, ROUTE_RESPONSE, ids);
    const first = await watched.until((result) => result.data !== undefined);
    assert.equal(first?.data?.routeResponse?.modelSelectionExpression, null);
    const again = await client.query(ROUTE_RESPONSE, ids).toPromise();
    assert.equal(again.operation.context.meta?.cacheOutcome, "hit");
    assert.equal(sent.length, 1, "the repeat was answered from the cache");

    const mutation = await client.mutation(UPDATE, { ...ids, expression: "$request.body.urql", wait: true }).toPromise();
    assert.equal(mutation.data?.updateRouteResponse?.request.status, "SUCCESS", String(mutation.error));
    const refreshed = await watched.until((result) => result.data?.routeResponse?.modelSelectionExpression === "$request.body.urql");
    watched.stop();
    assert.equal(refreshed?.data?.routeResponse?.modelSelectionExpression, "$request.body.urql");
    assert.deepEqual(
      sent.map((request) => [request.method, request.operationName]),
      [
        ["GET", "RouteResponse"],
        ["POST", "SetExpression"],
        ["GET", "RouteResponse"],
      ],
      "the mutation's RouteResponse invalidated the query, which was fetched again",
    );
  });

  it("refetches a list after a delete whose payload holds no RouteResponse when told the typename (additionalTypenames)", async () => {
    const { client, sent } = urqlClient();
    const LIST: TypedDocumentNode<{ routeResponses: { nodes: Array<{ id: string; routeResponseKey: string } | null> } | null }> = gql`
      query DisconnectList {
        routeResponses(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", first: 100) { nodes { id routeResponseKey } }
      }
    `;
    const created = await gateway.query(
      `mutation { createRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", routeResponseKey: "urql-doomed", wait: true }) {
        routeResponse { id routeResponseId } } }`,
    );
    const doomed = created.data?.createRouteResponse?.routeResponse;
    assert.ok(doomed, created.text);
    const watched = watch(client, LIST, {});
    const keys = (result: OperationResult<{ routeResponses: { nodes: Array<{ routeResponseKey: string } | null> } | null }> | undefined) =>
      result?.data?.routeResponses?.nodes.map((node) => node?.routeResponseKey) ?? [];
    assert.ok(keys(await watched.until((result) => result.data !== undefined)).includes("urql-doomed"));

    const deleted = await client
      .mutation(
        gql`
          mutation Delete($routeResponseId: String!) {
            deleteRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", routeResponseId: $routeResponseId, wait: true }) {
              deletedRouteResponseId request { status }
            }
          }
        `,
        { routeResponseId: doomed.routeResponseId },
        // The payload names the deleted id but holds no RouteResponse: urql's docs' line for this case.
        { additionalTypenames: ["RouteResponse"] },
      )
      .toPromise();
    assert.equal(deleted.data?.deleteRouteResponse?.request.status, "SUCCESS", String(deleted.error));
    const refreshed = await watched.until((result) => !keys(result).includes("urql-doomed"));
    watched.stop();
    assert.equal(keys(refreshed).includes("urql-doomed"), false);
    assert.deepEqual(
      sent.map((request) => [request.method, request.operationName]),
      [
        ["GET", "DisconnectList"],
        ["POST", "Delete"],
        ["GET", "DisconnectList"],
      ],
    );
  });

  it("shows errors as a CombinedError with each error's extensions.code, beside the partial data", async () => {
    const { client } = urqlClient();
    const result = await client
      .query(
        gql`
          query Partial {
            routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") { routeResponseKey }
            stranger: node(id: "not-one-of-ours") { id }
          }
        `,
        {},
      )
      .toPromise();
    assert.deepEqual(result.data, { routeResponse: { __typename: "RouteResponse", routeResponseKey: "$default" }, stranger: null });
    assert.deepEqual(result.error?.graphQLErrors.map((error) => [error.path, error.extensions.code]), [[["stranger"], "BAD_USER_INPUT"]]);
  });

  for (const [transport, routeResponseId] of [
    ["graphql-ws", "rr00003"],
    ["graphql-sse", "rr00004"],
  ] as const) {
    it(`follows a write through its subscriptionExchange over ${transport}, to the end`, async () => {
      const client = urqlWithSubscriptions(transport);
      const ids = { ...PAGED, routeResponseId };
      const started = await client.mutation(UPDATE, { ...ids, expression: `$request.body.${routeResponseId}`, wait: false }).toPromise();
      assert.equal(started.data?.updateRouteResponse?.request.status, "IN_PROGRESS", String(started.error));
      const token = started.data?.updateRouteResponse?.request.requestToken ?? "";

      const statuses: Array<[string, boolean]> = [];
      const errors: unknown[] = [];
      const done = new Promise<void>((resolve) => {
        const { unsubscribe } = client.subscription(PROGRESS, { token }).subscribe((result) => {
          if (result.error) errors.push(result.error);
          const event = result.data?.resourceRequestProgress;
          if (event) statuses.push([event.status, event.done]);
          if (event?.done === true || result.error || statuses.length >= 50) {
            unsubscribe();
            resolve();
          }
        });
      });
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      assert.deepEqual(errors, []);
      assert.deepEqual(statuses[0], ["IN_PROGRESS", false]);
      assert.deepEqual(statuses.at(-1), ["SUCCESS", true]);
    });
  }
});
