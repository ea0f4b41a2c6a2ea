// Apollo Client 4 against the real gateway, as a frontend sets it up: an HttpLink and an
// InMemoryCache whose only configuration is relayStylePagination on the connections. What its user
// sees: fetchMore pages merged into one list, a mutation's payload updating every query that shows
// the entity without a refetch, a subscription (over graphql-ws, or multipart over the HttpLink)
// bringing the one cached request to its end, an item evicted after a delete gone from its list,
// and partial data beside errors with errorPolicy "all".
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
 * A client as a frontend makes one: the gateway's URL, and paging policies on the connections.
 * Subscriptions go over graphql-ws (Apollo's split link, as its docs wire it), or with `httpOnly`
 * over the HttpLink itself (Apollo's multipart HTTP subscriptions).
 */
function apolloClient(options: { httpOnly?: boolean } = {}) {
  const recorder = recordingFetch();
  const httpLink = new HttpLink({ uri: gateway.graphqlUrl, fetch: recorder.fetch });
  let link: ApolloLink = httpLink;
  if (options.httpOnly !== true) {
    const ws = createWsClient({ url: gateway.graphqlUrl.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    after(() => ws.dispose());
    link = ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(ws), httpLink);
  }
  const client = new ApolloClient({
    link,
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
  { resourceRequestProgress: { id: string; requestToken: string; status: string; done: boolean; routeResponse: RouteResponseFields | null } },
  { token: string }
> = gql`
  subscription Progress($token: String!) {
    resourceRequestProgress(requestToken: $token) { id requestToken status done routeResponse { id routeResponseKey modelSelectionExpression } }
  }
`;

const START_UPDATE: TypedDocumentNode<
  { updateRouteResponse: { request: { id: string; requestToken: string; status: string; done: boolean } } | null },
  { apiId: string; routeId: string; routeResponseId: string; expression: string }
> = gql`
  mutation StartUpdate($apiId: String!, $routeId: String!, $routeResponseId: String!, $expression: String!) {
    updateRouteResponse(input: { apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId, set: { modelSelectionExpression: $expression } }) {
      request { id requestToken status done }
    }
  }
`;

/** What a component showing the request reads from the cache. */
const REQUEST_STATE: TypedDocumentNode<{ status: string; done: boolean }> = gql`
  fragment RequestState on ResourceRequest { status done }
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

/**
 * Starts an update of one PAGED route response and follows it with `client.subscribe` to its end:
 * the request the mutation returned and every event.
 */
async function followUpdate(client: ApolloClient, routeResponseId: string, expression: string) {
  const started = await client.mutate({ mutation: START_UPDATE, variables: { ...PAGED, routeResponseId, expression } });
  const request = started.data?.updateRouteResponse?.request;
  assert.ok(request !== undefined, JSON.stringify(started));
  const events = await lastValueFrom(client.subscribe({ query: PROGRESS, variables: { token: request.requestToken } }).pipe(take(MAX_EVENTS), toArray()));
  return { request, events };
}

describe("Apollo Client 4: subscriptions", () => {
  for (const transport of ["graphql-ws (split link)", "multipart HTTP (HttpLink alone)"]) {
    it(`over ${transport}: follows a write to its end; its events update the cached request and route response`, async () => {
      const { client } = apolloClient({ httpOnly: transport.startsWith("multipart") });
      const routeResponseId = transport.startsWith("multipart") ? "rr00005" : "rr00004";
      const expression = `$request.body.${transport.startsWith("multipart") ? "multipart" : "ws"}`;
      const single = await watch(client.watchQuery({ query: ROUTE_RESPONSE, variables: { ...PAGED, routeResponseId } }));
      const { request, events } = await followUpdate(client, routeResponseId, expression);
      assert.deepEqual(events.map((event) => event.error), events.map(() => undefined));
      const last = events.at(-1)?.data?.resourceRequestProgress;
      assert.deepEqual([last?.requestToken, last?.status, last?.done], [request.requestToken, "SUCCESS", true]);
      assert.ok(events.every((event) => event.data?.resourceRequestProgress.id === request.id), "the mutation's request and the events are one node");
      // One cache entry for the request: the mutation wrote it, the events brought it to its end.
      assert.deepEqual(client.cache.readFragment({ id: client.cache.identify({ __typename: "ResourceRequest", id: request.id }), fragment: REQUEST_STATE }), {
        __typename: "ResourceRequest",
        status: "SUCCESS",
        done: true,
      });
      const shown = await single.shows((data) => data.routeResponse?.modelSelectionExpression === expression);
      single.stop();
      assert.equal(shown?.routeResponse?.modelSelectionExpression, expression, "the watched query shows the last event's route response");
    });
  }
});

describe("Apollo Client 4: partial results", () => {
  const LIST_BESIDE_ONE: TypedDocumentNode<{ good: RouteResponseFields | null; missing: { edges: Array<{ node: { id: string } }> } | null }> = gql`
    query ListBesideOne {
      good: routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") {
        id routeResponseKey modelSelectionExpression
      }
      missing: routeResponses(apiId: "nosuchapi1", routeId: "nort001") { edges { node { id } } }
    }
  `;

  it("a root field that fails is null beside the others, with errorPolicy 'all' (a paginated one reads as empty)", async () => {
    const { client } = apolloClient();
    const result = await client.query({ query: LIST_BESIDE_ONE, errorPolicy: "all" });
    assert.equal(result.data?.good?.routeResponseKey, "$default");
    // The gateway answers `missing: null`; relayStylePagination's read function shows a connection
    // it holds nothing for as an empty one, so the error is what tells the failure from no items.
    assert.deepEqual(result.data?.missing, { edges: [] });
    assert.ok(CombinedGraphQLErrors.is(result.error), String(result.error));
    assert.deepEqual(result.error.errors.map((error) => [error.path, error.extensions?.code]), [[["missing"], "NOT_FOUND"]]);
  });

  it("a write Cloud Control accepted is reported with its request when another write of the document fails", async () => {
    const { client } = apolloClient();
    const TWO_WRITES: TypedDocumentNode<{ first: { request: { requestToken: string; status: string } } | null; second: { request: { requestToken: string } } | null }> = gql`
      mutation TwoWrites {
        first: updateRouteResponse(input: { apiId: "${PAGED.apiId}", routeId: "${PAGED.routeId}", routeResponseId: "rr00003", set: { modelSelectionExpression: "$request.body.kept" }, wait: true }) {
          request { requestToken status }
        }
        second: updateRouteResponse(input: { apiId: "${PAGED.apiId}", routeId: "${PAGED.routeId}", routeResponseId: "rr00003", patch: [{ op: REPLACE, path: "/RouteResponseId", value: "other" }] }) {
          request { requestToken status }
        }
      }
    `;
    const result = await client.mutate({ mutation: TWO_WRITES, errorPolicy: "all" });
    assert.equal(result.data?.first?.request.status, "SUCCESS");
    assert.match(result.data?.first?.request.requestToken ?? "", /\S/);
    assert.equal(result.data?.second, null);
    assert.ok(CombinedGraphQLErrors.is(result.error), String(result.error));
    assert.deepEqual(result.error.errors.map((error) => [error.path, error.extensions?.code]), [[["second"], "BAD_USER_INPUT"]]);
  });
});

describe("Apollo Client 4: deletes", () => {
  const CREATE: TypedDocumentNode<{ createRouteResponse: { routeResponse: (RouteResponseFields & { routeResponseId: string }) | null } | null }, { key: string }> = gql`
    mutation Create($key: String!) {
      createRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", routeResponseKey: $key, wait: true }) {
        routeResponse { id routeResponseId routeResponseKey modelSelectionExpression }
      }
    }
  `;
  const DELETE: TypedDocumentNode<
    { deleteRouteResponse: { deletedRouteResponseId: string; request: { status: string } } | null },
    { routeResponseId: string }
  > = gql`
    mutation Delete($routeResponseId: String!) {
      deleteRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", routeResponseId: $routeResponseId, wait: true }) {
        deletedRouteResponseId
        request { status }
      }
    }
  `;

  it("cache.evict with the payload's deletedRouteResponseId, then cache.gc(), removes the item from the watched list", async () => {
    const { client, sent } = apolloClient();
    const created = await Promise.all(["evict-a", "evict-b", "evict-c"].map((key) => client.mutate({ mutation: CREATE, variables: { key } })));
    const doomed = created[1]?.data?.createRouteResponse?.routeResponse;
    assert.ok(doomed, JSON.stringify(created[1]));
    const list = await watch(client.watchQuery({ query: ROUTE_RESPONSES, variables: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect } }));
    let pageInfo = list.current()?.routeResponses.pageInfo;
    for (let pages = 1; pageInfo?.hasNextPage === true; pages += 1) {
      assert.ok(pages < MAX_PAGES, "the listing ends");
      pageInfo = (await list.query.fetchMore({ variables: { after: pageInfo.endCursor } })).data?.routeResponses.pageInfo;
    }
    const before = await list.shows((data) => data.routeResponses.edges.some((edge) => edge.node.routeResponseKey === "evict-c"));
    assert.deepEqual(before?.routeResponses.edges.map((edge) => edge.node.routeResponseKey).filter((key) => key.startsWith("evict-")), ["evict-a", "evict-b", "evict-c"]);
    const requestsBefore = sent.length;

    const deleted = await client.mutate({
      mutation: DELETE,
      variables: { routeResponseId: doomed.routeResponseId },
      update(cache, { data }) {
        const id = data?.deleteRouteResponse?.deletedRouteResponseId;
        if (id !== undefined) cache.evict({ id: cache.identify({ __typename: "RouteResponse", id }) });
        cache.gc();
      },
    });
    assert.equal(deleted.data?.deleteRouteResponse?.request.status, "SUCCESS");
    assert.equal(deleted.data?.deleteRouteResponse?.deletedRouteResponseId, doomed.id);
    const remaining = await list.shows((data) => !data.routeResponses.edges.some((edge) => edge.node.id === doomed.id));
    list.stop();
    assert.deepEqual(remaining?.routeResponses.edges.map((edge) => edge.node.routeResponseKey).filter((key) => key.startsWith("evict-")), ["evict-a", "evict-c"]);
    assert.equal((client.cache.extract() as Record<string, unknown>)[`RouteResponse:${doomed.id}`], undefined, "the entity is gone from the cache");
    assert.deepEqual(sent.slice(requestsBefore).map((request) => request.operationName), ["Delete"], "no refetch");
  });
});
