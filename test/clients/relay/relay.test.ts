// Relay's runtime against the real gateway, on artifacts the Relay compiler made from the literals
// below (with the gateway's SDL): an Environment with a Network that POSTs to the gateway and a
// normalised Store. What a Relay app relies on: a connection paged with `@connection` (what
// usePaginationFragment does), a `@refetchable` fragment fetched again through `node(id:)` (a route
// response, and a write's request as it is polled), a mutation's payload updating the store record
// of the same id with no refetch, and `@deleteEdge` taking a deleted item out of its connection.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { FetchFunction, GraphQLResponse, GraphQLTaggedNode, MutationParameters, OperationType, ReaderFragment } from "relay-runtime";
import { ConnectionHandler, Environment, Network, ROOT_ID, RecordSource, Store, commitMutation, createOperationDescriptor, fetchQuery, getRequest, getSelector } from "relay-runtime";
import { DEMO_API_ID, DEMO_ROUTES } from "../../../src/emulator/demoSeed.js";
import { PAGED, PAGED_COUNT, startClientTestBed } from "../support.js";
import { graphql } from "./graphql.js";
import type { relayPagedQuery } from "./__generated__/relayPagedQuery.graphql.js";
import type { relayRouteResponses_query$data } from "./__generated__/relayRouteResponses_query.graphql.js";
import type { relayRouteResponse_item$data } from "./__generated__/relayRouteResponse_item.graphql.js";
import type { relayDeleteMutation } from "./__generated__/relayDeleteMutation.graphql.js";
import type { relayRequest_state$data } from "./__generated__/relayRequest_state.graphql.js";
import type { relayStartUpdateMutation } from "./__generated__/relayStartUpdateMutation.graphql.js";
import type { relaySetExpressionMutation } from "./__generated__/relaySetExpressionMutation.graphql.js";

const { gateway } = await startClientTestBed();

const ItemFragment = graphql`
  fragment relayRouteResponse_item on RouteResponse @refetchable(queryName: "relayRouteResponseRefetchQuery") {
    id
    routeResponseKey
    modelSelectionExpression
  }
`;

const ListFragment = graphql`
  fragment relayRouteResponses_query on Query
  @refetchable(queryName: "relayRouteResponsesPaginationQuery")
  @argumentDefinitions(count: { type: "Int", defaultValue: 2 }, cursor: { type: "String" }, apiId: { type: "String!" }, routeId: { type: "String!" }) {
    routeResponses(apiId: $apiId, routeId: $routeId, first: $count, after: $cursor) @connection(key: "relayRouteResponses_routeResponses") {
      edges {
        node {
          id
          ...relayRouteResponse_item
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const PagedQuery = graphql`
  query relayPagedQuery($apiId: String!, $routeId: String!) {
    ...relayRouteResponses_query @arguments(apiId: $apiId, routeId: $routeId)
  }
`;

const SetExpression = graphql`
  mutation relaySetExpressionMutation($input: UpdateRouteResponseInput!) {
    updateRouteResponse(input: $input) {
      request { status }
      routeResponse { ...relayRouteResponse_item }
    }
  }
`;

const RequestState = graphql`
  fragment relayRequest_state on ResourceRequest @refetchable(queryName: "relayRequestRefetchQuery") {
    id
    status
    done
  }
`;

const StartUpdate = graphql`
  mutation relayStartUpdateMutation($input: UpdateRouteResponseInput!) {
    updateRouteResponse(input: $input) {
      request { ...relayRequest_state }
    }
  }
`;

const DeleteRouteResponse = graphql`
  mutation relayDeleteMutation($input: DeleteRouteResponseInput!, $connections: [ID!]!) {
    deleteRouteResponse(input: $input) {
      deletedRouteResponseId @deleteEdge(connections: $connections)
      request { status }
    }
  }
`;

/** An Environment as a Relay app makes one, with a Network that POSTs to the gateway; `sent` names what it sent. */
function relayEnvironment() {
  const sent: string[] = [];
  const fetchFn: FetchFunction = async (params, variables) => {
    sent.push(params.name);
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: params.text, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const environment = new Environment({ network: Network.create(fetchFn), store: new Store(new RecordSource()) });
  return { environment, sent };
}

/** Fetches a query into the store and keeps it retained (as a mounted component does); the root's fragment owner. */
async function load<T extends OperationType>(environment: Environment, query: GraphQLTaggedNode, variables: T["variables"]) {
  await fetchQuery<T>(environment, query, variables).toPromise();
  const operation = createOperationDescriptor(getRequest(query), variables);
  environment.retain(operation);
  return environment.lookup(operation.fragment).data;
}

/** What a component would read for `fragment` from a parent's data holding its spread (useFragment without React). */
function readFragment<T>(environment: Environment, fragment: GraphQLTaggedNode, ref: unknown): T {
  const selector = getSelector(fragment as ReaderFragment, ref as never);
  assert.ok(selector !== null && selector.kind === "SingularReaderSelector");
  return environment.lookup(selector).data as T;
}

/** The query a `@refetchable` fragment was compiled with. */
function refetchQueryOf(fragment: GraphQLTaggedNode): GraphQLTaggedNode {
  const operation = (fragment as ReaderFragment).metadata?.refetch?.operation;
  assert.ok(operation !== undefined && typeof operation !== "string", "the fragment is @refetchable");
  return operation;
}

/** commitMutation as a promise of its response (rejected with the errors it reports). */
function commit<T extends MutationParameters>(environment: Environment, mutation: GraphQLTaggedNode, variables: T["variables"]): Promise<T["response"]> {
  return new Promise((resolve, reject) => {
    commitMutation<T>(environment, {
      mutation,
      variables,
      onCompleted: (data, errors) => (errors ? reject(new Error(JSON.stringify(errors))) : resolve(data)),
      onError: reject,
    });
  });
}

/** At most this many pages are asked for: a listing that never ends fails the test instead of hanging it. */
const MAX_PAGES = 10;
/** A request is polled at most this many times, this far apart (the emulator finishes writes by the next read). */
const MAX_POLLS = 20;
const POLL_DELAY_MS = 50;

describe("Relay runtime on compiled artifacts", () => {
  it("pages a connection with @connection: each page fetched with the cursor joins the same edges", async () => {
    const { environment, sent } = relayEnvironment();
    const root = await load<relayPagedQuery>(environment, PagedQuery, { ...PAGED });
    let list = readFragment<relayRouteResponses_query$data>(environment, ListFragment, root);
    assert.equal(list.routeResponses?.edges?.length, 2);
    for (let pages = 1; list.routeResponses?.pageInfo.hasNextPage === true; pages += 1) {
      assert.ok(pages < MAX_PAGES, "the listing ends");
      // What usePaginationFragment's loadNext does: the fragment's pagination query from the last cursor.
      await fetchQuery(environment, refetchQueryOf(ListFragment), { ...PAGED, count: 2, cursor: list.routeResponses?.pageInfo.endCursor }).toPromise();
      list = readFragment<relayRouteResponses_query$data>(environment, ListFragment, root);
    }
    const keys = list.routeResponses?.edges?.map((edge) => readFragment<relayRouteResponse_item$data>(environment, ItemFragment, edge?.node).routeResponseKey);
    assert.deepEqual(keys, Array.from({ length: PAGED_COUNT }, (_, index) => `key${index + 1}`));
    assert.equal(sent[0], "relayPagedQuery");
    assert.ok(sent.slice(1).every((name) => name === "relayRouteResponsesPaginationQuery"));
  });

  it("refetches a @refetchable fragment through node(id:), updating the record in place", async () => {
    const { environment, sent } = relayEnvironment();
    const root = await load<relayPagedQuery>(environment, PagedQuery, { ...PAGED });
    const list = readFragment<relayRouteResponses_query$data>(environment, ListFragment, root);
    const ref = list.routeResponses?.edges?.[1]?.node;
    const before = readFragment<relayRouteResponse_item$data>(environment, ItemFragment, ref);
    assert.equal(before.routeResponseKey, "key2");

    // Another client changes it.
    const changed = await gateway.query(
      `mutation { updateRouteResponse(input: { apiId: "${PAGED.apiId}", routeId: "${PAGED.routeId}", routeResponseId: "rr00002",
        set: { modelSelectionExpression: "$request.body.elsewhere" }, wait: true }) { request { status } } }`,
    );
    assert.equal(changed.data?.updateRouteResponse.request.status, "SUCCESS", changed.text);
    assert.equal(readFragment<relayRouteResponse_item$data>(environment, ItemFragment, ref).modelSelectionExpression, null, "not yet seen");

    await fetchQuery(environment, refetchQueryOf(ItemFragment), { id: before.id }).toPromise();
    assert.equal(sent.at(-1), "relayRouteResponseRefetchQuery");
    const after = readFragment<relayRouteResponse_item$data>(environment, ItemFragment, ref);
    assert.equal(after.modelSelectionExpression, "$request.body.elsewhere");
    assert.equal(after.id, before.id);
  });

  it("normalises a mutation's payload: the record of the same id changes for every reader, with no refetch", async () => {
    const { environment, sent } = relayEnvironment();
    const root = await load<relayPagedQuery>(environment, PagedQuery, { ...PAGED });
    const ref = readFragment<relayRouteResponses_query$data>(environment, ListFragment, root).routeResponses?.edges?.[0]?.node;
    assert.equal(readFragment<relayRouteResponse_item$data>(environment, ItemFragment, ref).routeResponseKey, "key1");

    const variables: relaySetExpressionMutation["variables"] = {
      input: { apiId: PAGED.apiId, routeId: PAGED.routeId, routeResponseId: "rr00001", set: { modelSelectionExpression: "$request.body.relay" }, wait: true },
    };
    const response = await commit<relaySetExpressionMutation>(environment, SetExpression, variables);
    assert.equal(response.updateRouteResponse?.request.status, "SUCCESS");
    assert.equal(readFragment<relayRouteResponse_item$data>(environment, ItemFragment, ref).modelSelectionExpression, "$request.body.relay");
    assert.deepEqual(sent, ["relayPagedQuery", "relaySetExpressionMutation"]);
  });

  it("removes a deleted item from the connection with @deleteEdge on the payload's deletedRouteResponseId, with no refetch", async () => {
    const { environment, sent } = relayEnvironment();
    const list = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect };
    for (const key of ["relay-kept", "relay-doomed"]) {
      const created = await gateway.query(
        `mutation { createRouteResponse(input: { apiId: "${list.apiId}", routeId: "${list.routeId}", routeResponseKey: "${key}", wait: true }) { request { status } } }`,
      );
      assert.equal(created.data?.createRouteResponse?.request.status, "SUCCESS", created.text);
    }
    const root = await load<relayPagedQuery>(environment, PagedQuery, list);
    const keysShown = () =>
      readFragment<relayRouteResponses_query$data>(environment, ListFragment, root).routeResponses?.edges?.map(
        (edge) => readFragment<relayRouteResponse_item$data>(environment, ItemFragment, edge?.node).routeResponseKey,
      );
    assert.deepEqual(keysShown(), ["relay-kept", "relay-doomed"]);
    const doomed = await gateway.query(`{ routeResponses(apiId: "${list.apiId}", routeId: "${list.routeId}") { nodes { routeResponseId routeResponseKey } } }`);
    const routeResponseId = doomed.data.routeResponses.nodes.find((node: { routeResponseKey: string }) => node.routeResponseKey === "relay-doomed").routeResponseId as string;

    const response = await commit<relayDeleteMutation>(environment, DeleteRouteResponse, {
      input: { ...list, routeResponseId, wait: true },
      connections: [ConnectionHandler.getConnectionID(ROOT_ID, "relayRouteResponses_routeResponses", list)],
    });
    assert.equal(response.deleteRouteResponse?.request.status, "SUCCESS");
    assert.deepEqual(keysShown(), ["relay-kept"]);
    assert.deepEqual(sent, ["relayPagedQuery", "relayDeleteMutation"]);
  });

  it("polls a write's request through node(id:) (ResourceRequest is a Node), updating the record the mutation stored", async () => {
    const { environment, sent } = relayEnvironment();
    const response = await commit<relayStartUpdateMutation>(environment, StartUpdate, {
      input: { apiId: PAGED.apiId, routeId: PAGED.routeId, routeResponseId: "rr00003", set: { modelSelectionExpression: "$request.body.polled" } },
    });
    const ref = response.updateRouteResponse?.request;
    const started = readFragment<relayRequest_state$data>(environment, RequestState, ref);
    assert.deepEqual([started.status, started.done], ["IN_PROGRESS", false]);

    let state = started;
    for (let polls = 0; !state.done; polls += 1) {
      assert.ok(polls < MAX_POLLS, "the request ends");
      if (polls > 0) await new Promise((resolve) => setTimeout(resolve, POLL_DELAY_MS));
      await fetchQuery(environment, refetchQueryOf(RequestState), { id: started.id }).toPromise();
      state = readFragment<relayRequest_state$data>(environment, RequestState, ref);
    }
    assert.deepEqual([state.id, state.status, state.done], [started.id, "SUCCESS", true]);
    assert.deepEqual(sent.slice(0, 2), ["relayStartUpdateMutation", "relayRequestRefetchQuery"]);
  });
});
