// Apollo Client 4 against the real gateway, as a frontend sets it up: an HttpLink and an
// InMemoryCache whose only configuration is relayStylePagination on the connections. What its user
// sees: fetchMore pages merged into one list, a mutation's payload updating every query that shows
// the entity without a refetch, and partial data beside errors with errorPolicy "all".
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import type { ObservableQuery, OperationVariables, TypedDocumentNode } from "@apollo/client";
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { relayStylePagination } from "@apollo/client/utilities";
import { OperationTypeNode } from "graphql";
import { createClient as createWsClient } from "graphql-ws";
import { BehaviorSubject, filter, firstValueFrom, lastValueFrom, take, toArray } from "rxjs";
import WebSocket from "ws";
import { DEMO_API_ID, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import { PAGED, PAGED_COUNT, recordingFetch, startClientTestBed } from "./support.js";

const { gateway } = await startClientTestBed();

/**
 * A client as a frontend makes one: the gateway's URL, subscriptions over graphql-ws (Apollo's
 * split link, as its docs wire it), and paging policies on the connections.
 */
function apolloClient() {
  const recorder = recordingFetch();
  const httpLink = new HttpLink({ uri: gateway.graphqlUrl, fetch: recorder.fetch });
  const ws = createWsClient({ url: gateway.graphqlUrl.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
  after(() => ws.dispose());
  const client = new ApolloClient({
    link: ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(ws), httpLink),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { routeResponses: relayStylePagination(["apiId", "routeId", "region"]) } },
        Api: { fields: { routes: relayStylePagination() } },
        Route: { fields: { routeResponses: relayStylePagination() } },
      },
    }),
  });
  return { client, sent: recorder.sent };
}

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A type, not an interface: cache.identify takes it as a StoreObject. */
type RouteResponseFields = {
  __typename: "RouteResponse";
  id: string;
  routeResponseKey: string;
  modelSelectionExpression: string | null;
};

const ROUTE_RESPONSES: TypedDocumentNode<
  { routeResponses: { edges: Array<{ cursor: string; node: RouteResponseFields }>; pageInfo: PageInfo } },
  { apiId: string; routeId: string; after?: string | null }
> = gql`
  query RouteResponses($apiId: String!, $routeId: String!, $after: String) {
    routeResponses(apiId: $apiId, routeId: $routeId, first: 2, after: $after) {
      edges { cursor node { id routeResponseKey modelSelectionExpression } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const API_ROUTES: TypedDocumentNode<
  { api: { id: string; routes: { edges: Array<{ node: { id: string; routeKey: string } }>; pageInfo: PageInfo } } | null },
  { apiId: string; after?: string | null }
> = gql`
  query ApiRoutes($apiId: String!, $after: String) {
    api(apiId: $apiId) {
      id
      routes(first: 3, after: $after) {
        edges { node { id routeKey } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

const ROUTE_RESPONSE: TypedDocumentNode<
  { routeResponse: RouteResponseFields | null },
  { apiId: string; routeId: string; routeResponseId: string }
> = gql`
  query RouteResponse($apiId: String!, $routeId: String!, $routeResponseId: String!) {
    routeResponse(apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId) { id routeResponseKey modelSelectionExpression }
  }
`;

const PROGRESS: TypedDocumentNode<
  { resourceRequestProgress: { requestToken: string; status: string; done: boolean; routeResponse: RouteResponseFields | null } },
  { token: string }
> = gql`
  subscription Progress($token: String!) {
    resourceRequestProgress(requestToken: $token) { requestToken status done routeResponse { id routeResponseKey modelSelectionExpression } }
  }
`;

const START_UPDATE: TypedDocumentNode<
  { updateRouteResponse: { request: { requestToken: string; status: string } } },
  { apiId: string; routeId: string; routeResponseId: string; expression: string }
> = gql`
  mutation StartUpdate($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String!) {
    updateRouteResponse(input: { apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: { modelSelectionExpression: $expression } }) {
      request { requestToken status }
    }
  }
`;

const UPDATE: TypedDocumentNode<
  { updateRouteResponse: { request: { status: string }; routeResponse: RouteResponseFields | null } },
  { apiId: string; routeId: string; routeResponseId: string; expression: string }
> = gql`
  mutation SetExpression($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String!) {
    updateRouteResponse(
      input: { apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: { modelSelectionExpression: $expression }, wait: true }
    ) {
      request { status }
      routeResponse { id routeResponseKey modelSelectionExpression }
    }
  }
`;

/** How long a test waits for the watched query to show what it expects before asserting on what it shows. */
const SETTLE_MS = 5000;

/**
 * A watched query as a component holds it (subscribed, so the cache keeps it current), once its
 * first complete result has arrived. `current()` is what the component renders now; `shows(check)`
 * waits (at most SETTLE_MS) for a render that passes `check` and returns the last render: the cache
 * broadcasts a merge or a mutation's write after the promise that caused it has resolved.
 */
async function watch<TData, TVariables extends OperationVariables>(query: ObservableQuery<TData, TVariables>) {
  const rendered = new BehaviorSubject<TData | undefined>(undefined);
  const subscription = query.subscribe((result) => {
    if (result.dataState === "complete") rendered.next(result.data as TData);
  });
  const shows = async (check: (data: TData) => boolean): Promise<TData | undefined> => {
    const passing = firstValueFrom(rendered.pipe(filter((data) => data !== undefined && check(data))));
    await Promise.race([passing, new Promise((resolve) => setTimeout(resolve, SETTLE_MS).unref())]);
    return rendered.value;
  };
  await shows(() => true);
  return { query, current: () => rendered.value, shows, stop: () => subscription.unsubscribe() };
}

/** At most this many pages are asked for: a listing that never ends fails the test instead of hanging it. */
const MAX_PAGES = 10;
/** At most this many events are read from a subscription, for the same reason. */
const MAX_EVENTS = 50;

/** The keys of the route responses the gateway lists under PAGED, in one request. */
async function pagedKeysInOneRequest(): Promise<string[]> {
  const response = await gateway.query(`{ routeResponses(apiId: "${PAGED.apiId}", routeId: "${PAGED.routeId}", first: 100) { nodes { routeResponseKey } } }`);
  return response.data.routeResponses.nodes.map((node: { routeResponseKey: string }) => node.routeResponseKey);
}

describe("Apollo Client 4: InMemoryCache with relayStylePagination", () => {
  it("merges the pages fetchMore reads of Query.routeResponses into one list, in the gateway's order", async () => {
    const { client, sent } = apolloClient();
    const watched = await watch(client.watchQuery({ query: ROUTE_RESPONSES, variables: { ...PAGED } }));
    const first = watched.current();
    assert.equal(first?.routeResponses.edges.length, 2);
    let pageInfo = first?.routeResponses.pageInfo;
    let pages = 1;
    for (; pageInfo?.hasNextPage === true; pages += 1) {
      assert.ok(pages < MAX_PAGES, "the listing ends");
      const more = await watched.query.fetchMore({ variables: { after: pageInfo.endCursor } });
      pageInfo = more.data?.routeResponses.pageInfo;
    }
    const merged = (await watched.shows((data) => data.routeResponses.edges.length === PAGED_COUNT))?.routeResponses;
    assert.equal(merged?.edges.length, PAGED_COUNT);
    assert.deepEqual(
      merged?.edges.map((edge) => edge.node.routeResponseKey),
      await pagedKeysInOneRequest(),
    );
    assert.equal(merged?.pageInfo.hasNextPage, false);
    // Each route response is one normalised entity, under the id the gateway gave it.
    for (const edge of merged?.edges ?? []) {
      assert.equal(client.cache.identify(edge.node), `RouteResponse:${edge.node.id}`);
    }
    assert.deepEqual(
      sent.map((request) => request.operationName),
      Array.from({ length: pages }, () => "RouteResponses"),
      "one request per page",
    );
    watched.stop();
  });

  it("merges the pages of a nested connection (Api.routes) under the normalised Api", async () => {
    const { client } = apolloClient();
    const watched = await watch(client.watchQuery({ query: API_ROUTES, variables: { apiId: DEMO_API_ID } }));
    let pageInfo = watched.current()?.api?.routes.pageInfo;
    for (let pages = 1; pageInfo?.hasNextPage === true; pages += 1) {
      assert.ok(pages < MAX_PAGES, "the listing ends");
      const more = await watched.query.fetchMore({ variables: { after: pageInfo.endCursor } });
      pageInfo = more.data?.api?.routes.pageInfo;
    }
    const all = await gateway.query(`{ api(apiId: "${DEMO_API_ID}") { routes(first: 100) { nodes { routeKey } } } }`);
    const expected = all.data.api.routes.nodes.map((node: { routeKey: string }) => node.routeKey);
    assert.ok(expected.length > 3, "more routes than one page holds");
    const merged = await watched.shows((data) => data.api?.routes.edges.length === expected.length);
    watched.stop();
    assert.deepEqual(
      merged?.api?.routes.edges.map((edge) => edge.node.routeKey),
      expected,
    );
  });
});

describe("Apollo Client 4: mutations update the normalised cache", () => {
  it("an update's payload changes the entity every watching query shows, with no refetch", async () => {
    const { client, sent } = apolloClient();
    const ids = { apiId: PAGED.apiId, routeId: PAGED.routeId, routeResponseId: "rr00001" };
    const single = await watch(client.watchQuery({ query: ROUTE_RESPONSE, variables: ids }));
    const list = await watch(client.watchQuery({ query: ROUTE_RESPONSES, variables: { ...PAGED } }));
    assert.equal(single.current()?.routeResponse?.modelSelectionExpression, null);
    const before = sent.length;

    const result = await client.mutate({ mutation: UPDATE, variables: { ...ids, expression: "$request.body.shape" } });
    assert.equal(result.data?.updateRouteResponse.request.status, "SUCCESS");
    const shown = await single.shows((data) => data.routeResponse?.modelSelectionExpression === "$request.body.shape");
    const listed = await list.shows((data) => data.routeResponses.edges[0]?.node.modelSelectionExpression === "$request.body.shape");
    single.stop();
    list.stop();

    assert.equal(shown?.routeResponse?.modelSelectionExpression, "$request.body.shape");
    assert.equal(listed?.routeResponses.edges[0]?.node.id, shown?.routeResponse?.id, "the list's first item is the same entity");
    assert.equal(listed?.routeResponses.edges[0]?.node.modelSelectionExpression, "$request.body.shape");
    assert.deepEqual(
      sent.slice(before).map((request) => request.operationName),
      ["SetExpression"],
      "the mutation was the only request",
    );
  });
});

describe("Apollo Client 4: errorPolicy", () => {
  const PARTIAL: TypedDocumentNode<{ routeResponse: RouteResponseFields | null; stranger: { id: string } | null }> = gql`
    query Partial {
      routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") {
        id routeResponseKey modelSelectionExpression
      }
      stranger: node(id: "not-one-of-ours") { id }
    }
  `;

  it("with errorPolicy 'all', shows the fields that resolved beside the errors of those that failed", async () => {
    const { client } = apolloClient();
    const result = await client.query({ query: PARTIAL, errorPolicy: "all" });
    assert.equal(result.data?.routeResponse?.routeResponseKey, "$default");
    assert.equal(result.data?.stranger, null);
    assert.ok(CombinedGraphQLErrors.is(result.error), String(result.error));
    assert.deepEqual(
      result.error.errors.map((error) => [error.path, error.extensions?.code]),
      [[["stranger"], "BAD_USER_INPUT"]],
    );
  });

  it("with the default errorPolicy, the same answer is an error that carries the codes", async () => {
    const { client } = apolloClient();
    await assert.rejects(client.query({ query: PARTIAL }), (error: unknown) => {
      assert.ok(CombinedGraphQLErrors.is(error));
      assert.deepEqual(error.errors.map((entry) => entry.extensions?.code), ["BAD_USER_INPUT"]);
      assert.equal(error.data?.routeResponse !== undefined, true, "the partial data travels with the error");
      return true;
    });
  });
});

describe("Apollo Client 4: subscriptions over graphql-ws (split link)", () => {
  it("follows a write to its end, and the last event's route response updates the cached entity", async () => {
    const { client } = apolloClient();
    const ids = { apiId: PAGED.apiId, routeId: PAGED.routeId, routeResponseId: "rr00004" };
    const single = await watch(client.watchQuery({ query: ROUTE_RESPONSE, variables: ids }));
    const started = await client.mutate({ mutation: START_UPDATE, variables: { ...ids, expression: "$request.body.live" } });
    const token = started.data?.updateRouteResponse.request.requestToken ?? "";
    const events = await lastValueFrom(
      client.subscribe({ query: PROGRESS, variables: { token } }).pipe(take(MAX_EVENTS), toArray()),
    );
    assert.deepEqual(events.map((event) => event.error), events.map(() => undefined));
    const last = events.at(-1)?.data?.resourceRequestProgress;
    assert.equal(last?.status, "SUCCESS");
    assert.equal(last?.done, true);
    assert.equal(last?.requestToken, token);
    const shown = await single.shows((data) => data.routeResponse?.modelSelectionExpression === "$request.body.live");
    single.stop();
    assert.equal(shown?.routeResponse?.modelSelectionExpression, "$request.body.live", "the watched query shows the subscription's route response");
  });
});
