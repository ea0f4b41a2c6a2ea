// graphql-request 7 against the real gateway, with no setup but the URL: requests with variables,
// errors as ClientError carrying each error's `extensions.code`, partial data reachable beside
// them, and its batchRequests refused as a whole (the gateway takes one operation per request).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { ClientError, GraphQLClient, gql } from "graphql-request";
import { DEMO_API_ID, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import { PAGED, startClientTestBed } from "./support.js";

const { gateway } = await startClientTestBed();

const ROUTE_RESPONSE = gql`
  query RouteResponse($apiId: String!, $routeId: String!, $routeResponseId: String!) {
    routeResponse(apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId) { id routeResponseKey responseModels { contentType modelName } }
  }
`;

interface RouteResponseData {
  routeResponse: { id: string; routeResponseKey: string; responseModels: Array<{ contentType: string; modelName: string }> } | null;
}

const SEND_MESSAGE = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.sendMessage, routeResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault };

/** A good field beside one whose argument is not an id of this API. */
const PARTIAL = `{
  good: routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") { routeResponseKey }
  bad: node(id: "not-one-of-ours") { id }
}`;

/** The ClientError a promise rejects with (the assertion fails when it resolves or throws anything else). */
async function clientError(promise: Promise<unknown>): Promise<ClientError> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return error instanceof ClientError;
  });
  return caught as ClientError;
}

describe("graphql-request 7", () => {
  const client = new GraphQLClient(gateway.graphqlUrl);

  it("answers a request with variables with its data", async () => {
    const data = await client.request<RouteResponseData>(ROUTE_RESPONSE, SEND_MESSAGE);
    assert.equal(data.routeResponse?.routeResponseKey, "$default");
    assert.deepEqual(data.routeResponse?.responseModels, [{ contentType: "application/json", modelName: "MessageAck" }]);
  });

  it("answers each variable set of one document, sent side by side, in order", async () => {
    const ids = ["rr00001", "rr00002", "rr00003"];
    const answers = await Promise.all(
      ids.map((routeResponseId) => client.request<RouteResponseData>(ROUTE_RESPONSE, { ...PAGED, routeResponseId })),
    );
    assert.deepEqual(
      answers.map((data) => data.routeResponse?.routeResponseKey),
      ["key1", "key2", "key3"],
    );
  });

  it("refuses its batchRequests as a whole with a ClientError coded BAD_REQUEST: one operation per request", async () => {
    const error = await clientError(
      client.batchRequests<[{ data: RouteResponseData }, { data: RouteResponseData }]>([
        { document: ROUTE_RESPONSE, variables: { ...PAGED, routeResponseId: "rr00001" } },
        { document: ROUTE_RESPONSE, variables: { ...PAGED, routeResponseId: "rr00002" } },
      ]),
    );
    assert.equal(error.response.status, 400);
    assert.deepEqual(error.response.errors?.map((entry) => entry.extensions?.code), ["BAD_REQUEST"]);
  });

  it("throws a ClientError with each error's extensions.code, and the partial data beside them", async () => {
    const error = await clientError(client.request(PARTIAL));
    assert.equal(error.response.status, 200);
    assert.deepEqual(
      error.response.errors?.map((entry) => [entry.path, entry.extensions?.code]),
      [[["bad"], "BAD_USER_INPUT"]],
    );
    assert.deepEqual(error.response.data, { good: { routeResponseKey: "$default" }, bad: null });
  });

  it("keeps the request token of a write Cloud Control accepted when another write of the document fails", async () => {
    const error = await clientError(
      client.request(`mutation {
        applied: updateRouteResponse(input: { apiId: "${PAGED.apiId}", routeId: "${PAGED.routeId}", routeResponseId: "rr00004", set: { modelSelectionExpression: "$request.body.kept" } }) {
          request { requestToken status }
        }
        refused: updateRouteResponse(input: { apiId: "${PAGED.apiId}", routeId: "${PAGED.routeId}", routeResponseId: "rr00005", patch: [{ op: REPLACE, path: "/RouteResponseId", value: "other" }] }) {
          request { requestToken status }
        }
      }`),
    );
    assert.deepEqual(error.response.errors?.map((entry) => [entry.path, entry.extensions?.code]), [[["refused"], "BAD_USER_INPUT"]]);
    const data = error.response.data as { applied: { request: { requestToken: string; status: string } } | null; refused: unknown };
    assert.match(data.applied?.request.requestToken ?? "", /\S/, "the applied write's token, to follow or retry it");
    assert.equal(data.refused, null);
  });

  it("with errorPolicy 'all', request returns the partial data and rawRequest the errors beside it", async () => {
    const lenient = new GraphQLClient(gateway.graphqlUrl, { errorPolicy: "all" });
    assert.deepEqual(await lenient.request(PARTIAL), { good: { routeResponseKey: "$default" }, bad: null });
    const raw = await lenient.rawRequest<{ good: unknown; bad: unknown }>(PARTIAL);
    assert.deepEqual(raw.data, { good: { routeResponseKey: "$default" }, bad: null });
    assert.deepEqual(raw.errors?.map((entry) => entry.extensions?.code), ["BAD_USER_INPUT"]);
  });

  it("throws a document the schema refuses as a ClientError coded GRAPHQL_VALIDATION_FAILED, with no data", async () => {
    const error = await clientError(client.request(`{ routeResponse(apiId: "a", routeId: "b", routeResponseId: "c") { noSuchField } }`));
    assert.equal(error.response.status, 400);
    assert.deepEqual(error.response.errors?.map((entry) => entry.extensions?.code), ["GRAPHQL_VALIDATION_FAILED"]);
    assert.equal(error.response.data, undefined);
  });
});
