// Hostile and malformed requests against a gateway with authentication on: each gets its documented
// code and HTTP status, none causes a single Cloud Control call (the emulator's counters stay at
// zero), and nothing a caller sent as a secret or a value shows up in the logs.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { DEMO_API_ID, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { startTestEmulator } from "../support/emulator.js";
import type { HttpAnswer, SecureGateway } from "./support.js";
import { NO_SCOPE_KEY, READ_KEY, WRITE_KEY, apiKey, bearer, forgedKey, startSecureGateway, token } from "./support.js";

const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 0 });
const gateway: SecureGateway = await startSecureGateway(emulator);

const SEND = `apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}"`;
const READ = `{ routeResponse(${SEND}, routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") { routeResponseKey } }`;
const CREATE = `mutation { createRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", routeResponseKey: "$default" }) { request { status } } }`;
const update = (patch: string) =>
  `mutation { updateRouteResponse(input: { ${SEND}, routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}", patch: [${patch}] }) { request { status } } }`;
/** A value that would only reach the logs if a record carried request data. */
const PATCH_MARKER = "patch-value-4f1c9e";
/** Over the 32 characters of an API Gateway id, under MAX_STRING_LENGTH: the resolver refuses it. */
const LONG = "x".repeat(2000);
const tokens: string[] = [];
const remember = async (value: Promise<string>) => {
  const t = await value;
  tokens.push(t);
  return t;
};

interface Row {
  name: string;
  send: () => Promise<HttpAnswer>;
  status: number;
  code: string;
  /** Also checked: a header, an extension. */
  check?: (answer: HttpAnswer) => void;
}

const withKey = (query: string, variables?: unknown) => gateway.post({ query, variables }, apiKey(WRITE_KEY));

const rows: Row[] = [
  // Authentication: 401 before the body is read.
  {
    name: "no credentials",
    send: () => gateway.post({ query: READ }),
    status: 401,
    code: "UNAUTHENTICATED",
    check: (a) => assert.equal(a.headers.get("www-authenticate"), 'Bearer realm="graphql"'),
  },
  { name: "Basic credentials", send: () => gateway.post({ query: READ }, { authorization: "Basic dXNlcjpwYXNz" }), status: 401, code: "UNAUTHENTICATED" },
  { name: "an unknown API key", send: () => gateway.post({ query: READ }, apiKey("not-a-key-we-know")), status: 401, code: "UNAUTHENTICATED" },
  {
    name: "an expired token",
    send: async () => gateway.post({ query: READ }, bearer(await remember(token({ expiresIn: -120 })))),
    status: 401,
    code: "UNAUTHENTICATED",
    check: (a) => {
      assert.match(a.body.errors[0].message, /expired/);
      assert.equal(a.headers.get("www-authenticate"), 'Bearer realm="graphql", error="invalid_token"');
    },
  },
  {
    name: "a token issued an hour in the future",
    send: async () => gateway.post({ query: READ }, bearer(await remember(token({ issuedAt: 3600, expiresIn: 7200 })))),
    status: 401,
    code: "UNAUTHENTICATED",
    check: (a) => assert.match(a.body.errors[0].message, /issued in the future/),
  },
  { name: "a forged token (signed by another key)", send: async () => gateway.post({ query: READ }, bearer(await remember(token({ key: forgedKey })))), status: 401, code: "UNAUTHENTICATED" },
  { name: "a token for another app client", send: async () => gateway.post({ query: READ }, bearer(await remember(token({ audience: "other-app" })))), status: 401, code: "UNAUTHENTICATED" },
  { name: "a token from another issuer", send: async () => gateway.post({ query: READ }, bearer(await remember(token({ issuer: "https://evil.test" })))), status: 401, code: "UNAUTHENTICATED" },
  {
    name: "an unsigned token (alg none)",
    send: () => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
      return gateway.post({ query: READ }, bearer(`${part({ alg: "none" })}.${part({ iss: "https://issuer.test/pool", exp: 4102444800, scope: "routeresponses:write" })}.`));
    },
    status: 401,
    code: "UNAUTHENTICATED",
  },
  // Authorisation: 403 by operation type.
  { name: "read scope, mutation", send: () => gateway.post({ query: CREATE }, apiKey(READ_KEY)), status: 403, code: "FORBIDDEN" },
  { name: "read scope, subscription", send: () => gateway.post({ query: `subscription { resourceRequestProgress(requestToken: "x") { status } }` }, apiKey(READ_KEY)), status: 403, code: "FORBIDDEN" },
  { name: "token without the read scope, query", send: async () => gateway.post({ query: READ }, bearer(await remember(token({ scope: "openid profile" })))), status: 403, code: "FORBIDDEN" },
  { name: "key without any gateway scope, introspection", send: () => gateway.post({ query: "{ __schema { queryType { name } } }" }, apiKey(NO_SCOPE_KEY)), status: 403, code: "FORBIDDEN" },
  // Limits: refused before execution.
  {
    name: "a deep query (12 levels)",
    send: () => withKey("{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }"),
    status: 400,
    code: "BAD_USER_INPUT",
    check: (a) => assert.deepEqual(a.body.errors[0].extensions, { code: "BAD_USER_INPUT", depth: 12, limit: 10 }),
  },
  {
    name: "an alias flood (150)",
    send: () => withKey(`{ ${Array.from({ length: 150 }, (_, i) => `a${i}: __typename`).join(" ")} }`),
    status: 400,
    code: "BAD_USER_INPUT",
    check: (a) => assert.deepEqual(a.body.errors[0].extensions, { code: "BAD_USER_INPUT", aliases: 150, limit: 100 }),
  },
  {
    name: "a wide query (3 full listings of 100: cost 318)",
    send: () => withKey(`{ ${[1, 2, 3].map((i) => `l${i}: routeResponses(${SEND}, first: 100) { nodes { properties } }`).join(" ")} }`),
    status: 400,
    code: "BAD_USER_INPUT",
    check: (a) => assert.deepEqual(a.body.errors[0].extensions, { code: "BAD_USER_INPUT", cost: 318, limit: 250 }),
  },
  {
    name: "a wide query through variables (nodes of 300 ids)",
    send: () => withKey(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 300 }, (_, i) => `id${i}`) }),
    status: 400,
    code: "BAD_USER_INPUT",
    check: (a) => assert.equal(a.body.errors[0].extensions.cost, 300),
  },
  { name: "a token flood (5001 tokens)", send: () => withKey(`{ ${"__typename ".repeat(5001)}}`), status: 400, code: "GRAPHQL_PARSE_FAILED" },
  {
    name: "a document over 64 KiB",
    send: () => withKey(`# ${"c".repeat(70_000)}\n{ __typename }`),
    status: 400,
    code: "BAD_USER_INPUT",
    check: (a) => assert.equal(a.body.errors[0].extensions.limit, 65_536),
  },
  { name: "a body over 1 MiB", send: () => withKey(READ, { padding: "p".repeat(1_100_000) }), status: 413, code: "BAD_REQUEST" },
  // Arguments: refused by the resolvers before their first call (HTTP 200, the error in `errors`).
  { name: "a malformed global id", send: () => withKey(`{ node(id: "not-an-id") { id } }`), status: 200, code: "BAD_USER_INPUT" },
  { name: "an invalid region", send: () => withKey(`{ routeResponse(${SEND}, routeResponseId: "r1", region: "../../etc") { id } }`), status: 200, code: "BAD_USER_INPUT" },
  { name: "an oversized id (2000 characters)", send: () => withKey(`{ routeResponse(apiId: "${LONG}", routeId: "r", routeResponseId: "r") { id } }`), status: 200, code: "BAD_USER_INPUT" },
  {
    name: "an oversized routeResponseKey in a create",
    send: () =>
      withKey(`mutation($key: String!) { createRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.disconnect}", routeResponseKey: $key }) { request { status } } }`, {
        key: "k".repeat(100_000),
      }),
    status: 400,
    code: "BAD_USER_INPUT",
    check: (a) => assert.deepEqual(a.body.errors[0].extensions, { code: "BAD_USER_INPUT", stringLength: 100_000, limit: 4096 }),
  },
  {
    name: "an oversized patch value",
    send: () => withKey(update(`{ op: ADD, path: "/ResponseModels/a~1b", value: { nested: ["${"v".repeat(5000)}"] } }`)),
    status: 400,
    code: "BAD_USER_INPUT",
    check: (a) => assert.equal(a.body.errors[0].extensions.stringLength, 5000),
  },
  { name: "first over 100", send: () => withKey(`{ routeResponses(${SEND}, first: 101) { nodes { id } } }`), status: 200, code: "BAD_USER_INPUT" },
  { name: "nodes over 100 ids", send: () => withKey(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, (_, i) => `id${i}`) }), status: 200, code: "BAD_USER_INPUT" },
  { name: "a patch of a create-only property", send: () => withKey(update(`{ op: REPLACE, path: "/ApiId", value: "${PATCH_MARKER}" }`)), status: 200, code: "BAD_USER_INPUT" },
  { name: "a patch of an unknown property", send: () => withKey(update(`{ op: ADD, path: "/Secret", value: "${PATCH_MARKER}" }`)), status: 200, code: "BAD_USER_INPUT" },
  { name: "an ADD without a value", send: () => withKey(update(`{ op: ADD, path: "/ModelSelectionExpression" }`)), status: 200, code: "BAD_USER_INPUT" },
  { name: "a malformed clientToken", send: () => withKey(`mutation { deleteRouteResponse(input: { ${SEND}, routeResponseId: "rrs0002", clientToken: "no spaces allowed" }) { request { status } } }`), status: 200, code: "BAD_USER_INPUT" },
  // Malformed HTTP.
  { name: "a body that is not JSON", send: () => gateway.post("{not json", apiKey(WRITE_KEY)), status: 400, code: "BAD_REQUEST" },
  { name: "text/plain (a CSRF-able simple request)", send: () => gateway.post(JSON.stringify({ query: READ }), { "content-type": "text/plain", ...apiKey(WRITE_KEY) }), status: 400, code: "BAD_REQUEST" },
  {
    name: "a form body",
    send: () => gateway.post(`query=${encodeURIComponent(READ)}`, { "content-type": "application/x-www-form-urlencoded", ...apiKey(WRITE_KEY) }),
    status: 400,
    code: "BAD_REQUEST",
  },
  { name: "a batch of two operations", send: () => gateway.post([{ query: READ }, { query: READ }], apiKey(WRITE_KEY)), status: 400, code: "BAD_REQUEST" },
  { name: "no query at all", send: () => gateway.post({ variables: {} }, apiKey(WRITE_KEY)), status: 400, code: "BAD_REQUEST" },
  { name: "an unknown field", send: () => withKey(`{ routeResponse(${SEND}, routeResponseId: "r1") { secret } }`), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
  { name: "a variable of the wrong type", send: () => withKey(`query($first: Int) { routeResponses(${SEND}, first: $first) { nodes { id } } }`, { first: "many" }), status: 400, code: "BAD_USER_INPUT" },
  {
    name: "a mutation over GET",
    send: () => gateway.fetch(`/graphql?query=${encodeURIComponent(CREATE)}`, { headers: { "apollo-require-preflight": "1", ...apiKey(WRITE_KEY) } }),
    status: 405,
    code: "BAD_REQUEST",
  },
  { name: "PUT", send: () => gateway.fetch("/graphql", { method: "PUT", headers: { "content-type": "application/json", ...apiKey(WRITE_KEY) }, body: JSON.stringify({ query: READ }) }), status: 405, code: "BAD_REQUEST" },
];

describe("hostile and malformed requests", () => {
  for (const row of rows) {
    it(`${row.name}: ${row.status} ${row.code}, no Cloud Control call`, async () => {
      emulator.resetStats();
      const answer = await row.send();
      assert.equal(answer.status, row.status, answer.text.slice(0, 500));
      assert.equal(answer.body?.errors?.[0]?.extensions?.code, row.code, answer.text.slice(0, 500));
      if (row.status !== 200) assert.equal(answer.body?.data, undefined, "no data for a refused request");
      assert.doesNotMatch(answer.text, /"stacktrace"|at .*\.js:\d+/);
      row.check?.(answer);
      assert.equal(emulator.stats().total, 0, "no Cloud Control call");
    });
  }

  it("every answer carries the security headers and a request id", async () => {
    const answer = await gateway.post({ query: READ });
    assert.equal(answer.headers.get("x-content-type-options"), "nosniff");
    assert.equal(answer.headers.get("x-frame-options"), "DENY");
    assert.equal(answer.headers.get("referrer-policy"), "no-referrer");
    assert.equal(answer.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(answer.headers.get("cache-control"), "no-store");
    assert.equal(answer.headers.get("strict-transport-security"), null, "HSTS only when configured");
    assert.match(answer.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
  });

  it("logs none of the keys, tokens or values the requests carried", () => {
    const logs = gateway.allLogs();
    assert.ok(gateway.logLines.length >= rows.length, "the requests were logged");
    for (const secret of [READ_KEY, WRITE_KEY, NO_SCOPE_KEY, ...tokens, PATCH_MARKER, LONG.slice(0, 100)]) {
      assert.equal(logs.includes(secret), false, `the logs contain ${secret.slice(0, 12)}...`);
    }
  });
});
