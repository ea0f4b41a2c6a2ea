// CSRF prevention with authentication off (the case where it matters: credentials travel only in
// headers, so with authentication on a forged simple request has none): raw requests imitating
// what browsers send in each case (same origin, typed in, an allowed origin, another site's fetch,
// image or sibling subdomain), the same on the Lambda door, and urql 6 with its defaults (queries as
// GET, no extra header) against the real gateway.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import { Client, cacheExchange, fetchExchange, gql } from "@urql/core";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { createLambdaGateway } from "../../src/lambda.js";
import type { TestGateway } from "../gateway/harness.js";
import { RecordingLogger, startTestGateway } from "../gateway/harness.js";
import type { RawResponse } from "../ide/harness.js";
import { rawRequest } from "../ide/harness.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";

const emulator: RunningEmulator = await startTestEmulator({ seed: "demo" });
const gateway: TestGateway = await startTestGateway(emulator, { config: { server: { corsOrigins: ["https://app.example.com"] } } });
const port = Number(new URL(gateway.url).port);

const QUERY = '{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001") { routeResponseKey } }';
const MUTATION = 'mutation { deleteRouteResponse(input: { apiId: "chat7a1b2c", routeId: "join001", routeResponseId: "rrj0001" }) { request { status } } }';
const getPath = (query: string) => `/graphql?${new URLSearchParams({ query }).toString()}`;

function get(headers: Record<string, string>, query = QUERY): Promise<RawResponse> {
  return rawRequest({ url: gateway.url, port }, getPath(query), { headers: { host: `127.0.0.1:${port}`, accept: "application/json", ...headers } });
}

const codeOf = (answer: RawResponse): unknown => (JSON.parse(answer.text) as { errors?: Array<{ extensions?: { code?: unknown } }> }).errors?.[0]?.extensions?.code;

describe("simple GET requests, as browsers send them", () => {
  const served: Array<[string, Record<string, string>]> = [
    ["a client that is no browser (curl, a server, Node)", {}],
    ["a page of the gateway's own origin (fetch)", { "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" }],
    ["an address typed in or bookmarked", { "sec-fetch-site": "none", "sec-fetch-mode": "navigate" }],
    ["a page of an origin CORS_ORIGINS allows", { origin: "https://app.example.com", "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" }],
    ["a page naming the gateway's own origin", { origin: `http://127.0.0.1:${port}`, "sec-fetch-site": "same-origin" }],
    ["another site's page that sent a header browsers preflight", { "sec-fetch-site": "cross-site", "apollo-require-preflight": "true" }],
  ];
  for (const [who, headers] of served) {
    it(`serves ${who}`, async () => {
      const answer = await get(headers);
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(JSON.parse(answer.text), { data: { routeResponse: { routeResponseKey: "$default" } } });
    });
  }

  const refused: Array<[string, Record<string, string>]> = [
    ["another site's image or script (no Origin)", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", "sec-fetch-dest": "image" }],
    ["another site's fetch", { origin: "https://evil.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" }],
    ["a sibling subdomain's page (same site, another origin)", { "sec-fetch-site": "same-site", "sec-fetch-mode": "no-cors" }],
    ["a sandboxed frame or a file (Origin: null)", { origin: "null" }],
  ];
  for (const [who, headers] of refused) {
    it(`refuses ${who} with 403 CROSS_SITE_REQUEST, no Cloud Control call`, async () => {
      emulator.resetStats();
      const answer = await get(headers);
      assert.equal(answer.status, 403, answer.text);
      assert.equal(codeOf(answer), "CROSS_SITE_REQUEST");
      assert.match(answer.text, /apollo-require-preflight: true/);
      assert.equal(emulator.stats().total, 0);
    });
  }

  it("never serves a mutation over GET, even from the gateway's own origin", async () => {
    emulator.resetStats();
    const answer = await get({ "sec-fetch-site": "same-origin" }, MUTATION);
    assert.equal(answer.status, 405, answer.text);
    assert.equal(answer.headers.allow, "POST");
    assert.equal(emulator.stats().total, 0);
  });

  it("does not read a simple POST (text/plain, as a form or no-cors fetch sends it) as an operation", async () => {
    emulator.resetStats();
    const answer = await rawRequest({ url: gateway.url, port }, "/graphql", {
      method: "POST",
      headers: { host: `127.0.0.1:${port}`, "content-type": "text/plain", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ query: MUTATION }),
    });
    assert.equal(answer.status, 400);
    assert.equal(codeOf(answer), "BAD_REQUEST");
    assert.equal(emulator.stats().total, 0);
  });

  it("refuses a cross-site simple GET on the streaming door too (an EventSource of another site)", async () => {
    const answer = await get({ accept: "text/event-stream", "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    assert.equal(answer.status, 403);
    assert.equal(codeOf(answer), "CROSS_SITE_REQUEST");
  });
});

describe("the Lambda door", () => {
  const { handler, gateway: lambdaGateway } = createLambdaGateway({
    env: { AWS_REGION: "us-east-1", AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url, AUTH_MODE: "off", IDE: "off" },
    credentials: TEST_CREDENTIALS,
    logger: new RecordingLogger(),
  });
  after(() => lambdaGateway.stop());
  const event = (headers: Record<string, string>): APIGatewayProxyEventV2 =>
    ({
      version: "2.0",
      routeKey: "GET /graphql",
      rawPath: "/graphql",
      rawQueryString: `query=${encodeURIComponent(QUERY)}`,
      queryStringParameters: { query: QUERY },
      headers: { host: "localhost", accept: "application/json", ...headers },
      requestContext: { http: { method: "GET", path: "/graphql", protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "test" }, requestId: "csrf-test" },
      isBase64Encoded: false,
    }) as unknown as APIGatewayProxyEventV2;
  const context = { awsRequestId: "csrf-test", getRemainingTimeInMillis: () => 29_000 } as unknown as Context;

  it("serves a simple GET that is not cross-site and refuses one that is", async () => {
    const ok = await handler(event({ "sec-fetch-site": "same-origin" }), context);
    assert.equal(ok.statusCode, 200, ok.body);
    const refused = await handler(event({ "sec-fetch-site": "cross-site" }), context);
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal((JSON.parse(refused.body ?? "{}") as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code, "CROSS_SITE_REQUEST");
  });
});

describe("urql 6 with its defaults", () => {
  it("queries with GET and no extra setup, and gets its data", async () => {
    const methods: string[] = [];
    // Only watching: the request urql makes is its own.
    const watching: typeof fetch = (input, init) => {
      methods.push(init?.method ?? "GET");
      return fetch(input, init);
    };
    const client = new Client({ url: gateway.graphqlUrl, exchanges: [cacheExchange, fetchExchange], fetch: watching });
    const result = await client.query(gql(QUERY), {}).toPromise();
    assert.equal(result.error, undefined, result.error?.message);
    assert.deepEqual(result.data, { routeResponse: { __typename: "RouteResponse", routeResponseKey: "$default" } });
    assert.deepEqual(methods, ["GET"]);
  });
});
