// What web frontends get over HTTP from the real gateway: CORS for allowed origins only (with the
// preflight answered), Vary and Cache-Control on GraphQL responses, GET for queries (never
// mutations, nor from another site's page), and automatic persisted queries in a bounded store.
import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { createOriginMatcher, parseOriginPattern } from "../../src/frontends/index.js";
import type { TestGateway } from "../gateway/harness.js";
import { startTestGateway } from "../gateway/harness.js";
import type { RawResponse } from "../ide/harness.js";
import { rawRequest } from "../ide/harness.js";
import { startTestEmulator } from "../support/emulator.js";

const emulator: RunningEmulator = await startTestEmulator({ seed: "demo" });
const closed: TestGateway = await startTestGateway(emulator);
const open: TestGateway = await startTestGateway(emulator, { config: { server: { corsOrigins: ["http://localhost:*", "https://app.example.com"] } } });

const QUERY = `{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001") { routeResponseKey } }`;

function server(gateway: TestGateway) {
  return { url: gateway.url, port: Number(new URL(gateway.url).port) };
}

function send(gateway: TestGateway, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return rawRequest(server(gateway), path, options);
}

function preflight(gateway: TestGateway, origin: string, requestHeaders = "content-type, authorization"): Promise<RawResponse> {
  return send(gateway, "/graphql", {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": requestHeaders },
  });
}

function post(gateway: TestGateway, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(gateway, "/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

const getPath = (params: Record<string, string>) => `/graphql?${new URLSearchParams(params).toString()}`;

describe("CORS", () => {
  it("allows no other origin by default: the preflight is refused without CORS headers", async () => {
    const answer = await preflight(closed, "http://localhost:5173");
    assert.equal(answer.status, 403);
    assert.equal(answer.headers["access-control-allow-origin"], undefined);
    assert.equal(answer.headers["access-control-allow-headers"], undefined);
    const simple = await post(closed, { query: QUERY }, { origin: "http://localhost:5173" });
    assert.equal(simple.status, 200, "the server answers; the browser keeps the answer from the page");
    assert.equal(simple.headers["access-control-allow-origin"], undefined);
    assert.equal(simple.headers.vary, "Origin, Accept, Authorization, X-Api-Key");
  });

  it("answers the preflight of an allowed origin with its origin, the methods and the headers frontends send", async () => {
    for (const origin of ["http://localhost:5173", "http://localhost:3000", "https://app.example.com"]) {
      const answer = await preflight(open, origin, "content-type, authorization, x-api-key, apollo-require-preflight, x-request-id");
      assert.equal(answer.status, 204, origin);
      assert.equal(answer.headers["access-control-allow-origin"], origin);
      assert.equal(answer.headers["access-control-allow-methods"], "GET, POST, OPTIONS");
      assert.deepEqual(answer.headers["access-control-allow-headers"]?.split(", ").sort(), [
        "apollo-require-preflight",
        "authorization",
        "content-type",
        "x-api-key",
        "x-apollo-operation-name",
        "x-request-id",
      ]);
      assert.equal(answer.headers["access-control-max-age"], "600");
      assert.equal(answer.headers["access-control-allow-credentials"], undefined, "credentials are headers, never cookies");
      assert.match(answer.headers.vary ?? "", /\bOrigin\b/);
      assert.equal(answer.body.length, 0);
    }
  });

  it("puts the allowed origin on the GraphQL response, and nothing for others", async () => {
    const allowed = await post(open, { query: QUERY }, { origin: "http://localhost:5173" });
    assert.equal(allowed.headers["access-control-allow-origin"], "http://localhost:5173");
    assert.deepEqual(JSON.parse(allowed.text), { data: { routeResponse: { routeResponseKey: "$default" } } });
    for (const origin of ["https://app.example.com:8443", "http://app.example.com", "http://localhost.evil.example:80", "null", "https://evil.example"]) {
      const refused = await post(open, { query: QUERY }, { origin });
      assert.equal(refused.headers["access-control-allow-origin"], undefined, origin);
      assert.equal((await preflight(open, origin)).status, 403, origin);
    }
  });

  it("matches origins as browsers serialise them", () => {
    const matches = createOriginMatcher(["https://App.Example.com:443", "http://localhost:*", "http://[::1]:8080"].map((entry) => parseOriginPattern(entry) ?? assert.fail(entry)));
    assert.equal(matches("https://app.example.com"), true, "default port and case");
    assert.equal(matches("http://localhost:1"), true);
    assert.equal(matches("http://localhost"), true);
    assert.equal(matches("https://localhost:1"), false, "scheme matters");
    assert.equal(matches("http://[::1]:8080"), true);
    assert.equal(matches("http://[::1]:8081"), false);
    for (const bad of ["*", "localhost:3000", "http://host/path", "ftp://host", "http://host:*/", "https://*.example.com"]) {
      assert.equal(parseOriginPattern(bad), null, bad);
    }
  });
});

describe("GET and caching", () => {
  it("serves queries over GET with a CSRF-safe header, never to be stored, varying on Origin, Accept and credentials", async () => {
    const answer = await send(open, getPath({ query: QUERY }), { headers: { "apollo-require-preflight": "1", accept: "application/json" } });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(JSON.parse(answer.text), { data: { routeResponse: { routeResponseKey: "$default" } } });
    assert.equal(answer.headers["cache-control"], "no-store");
    assert.equal(answer.headers.vary, "Origin, Accept, Authorization, X-Api-Key");
    const posted = await post(open, { query: QUERY });
    assert.equal(posted.headers["cache-control"], "no-store");
  });

  it("refuses a simple GET from another site's page (CSRF prevention, test/frontends/csrf.test.ts), and mutations over GET", async () => {
    const simple = await send(open, getPath({ query: QUERY }), { headers: { accept: "application/json", "sec-fetch-site": "cross-site" } });
    assert.equal(simple.status, 403);
    assert.match(simple.text, /CROSS_SITE_REQUEST/);
    const mutation = await send(open, getPath({ query: `mutation { deleteRouteResponse(input: { apiId: "chat7a1b2c", routeId: "join001", routeResponseId: "rrj0001" }) { request { status } } }` }), {
      headers: { "apollo-require-preflight": "1", accept: "application/json" },
    });
    assert.equal(mutation.status, 405);
    assert.match(mutation.text, /GET.*only.*quer|only.*quer.*GET/i);
    assert.equal(mutation.headers.allow, "POST");
    assert.equal(emulator.stats().operations.DeleteResource.calls, 0);
  });
});

describe("automatic persisted queries", () => {
  const hashOf = (query: string) => createHash("sha256").update(query).digest("hex");
  const persisted = (query: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(query) } });
  const byHash = (gateway: TestGateway, query: string) =>
    send(gateway, getPath({ extensions: persisted(query) }), { headers: { "apollo-require-preflight": "1", accept: "application/json" } });
  const codeOf = (answer: RawResponse) => (JSON.parse(answer.text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;

  it("asks for the text of an unknown hash, keeps it, then answers GETs by hash alone", async () => {
    const query = `{ routeResponse(apiId: "chat7a1b2c", routeId: "sprv001", routeResponseId: "rrs0002") { routeResponseKey } }`;
    assert.equal(codeOf(await byHash(open, query)), "PERSISTED_QUERY_NOT_FOUND");
    const registered = await post(open, { query, extensions: JSON.parse(persisted(query)) as unknown });
    assert.equal(registered.status, 200, registered.text);
    const answer = await byHash(open, query);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(JSON.parse(answer.text), { data: { routeResponse: { routeResponseKey: "$default" } } });
    assert.equal(answer.headers["cache-control"], "no-store");
  });

  it("keeps at most APQ_CACHE_MAX_BYTES: the least recently used query goes first", async () => {
    const small = await startTestGateway(emulator, { config: { server: { apqCacheMaxBytes: 600 } } });
    const queries = [["send001", "rrs0001"], ["sprv001", "rrs0002"]].map(([route, id]) => `{ routeResponse(apiId: "chat7a1b2c", routeId: "${route}", routeResponseId: "${id}") { routeResponseId } }`);
    for (const query of queries) await post(small, { query, extensions: JSON.parse(persisted(query)) as unknown });
    // Each entry is about 2 * (64 + 100) bytes: two do not fit in 600, so the first was dropped.
    assert.equal(codeOf(await byHash(small, queries[0] ?? "")), "PERSISTED_QUERY_NOT_FOUND");
    assert.equal((await byHash(small, queries[1] ?? "")).status, 200);
  });

  it("answers a hash that does not match its query with 400 PERSISTED_QUERY_HASH_MISMATCH, keeps nothing, calls nothing", async () => {
    const gateway = await startTestGateway(emulator);
    const query = `{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001") { routeResponseId } }`;
    const wrongHash = { persistedQuery: { version: 1, sha256Hash: hashOf(`${query} `) } };
    emulator.resetStats();
    const answers = [
      await post(gateway, { query, extensions: wrongHash }),
      await send(gateway, getPath({ query, extensions: JSON.stringify(wrongHash) }), { headers: { "apollo-require-preflight": "1", accept: "application/json" } }),
    ];
    for (const answer of answers) {
      assert.equal(answer.status, 400, answer.text);
      const body = JSON.parse(answer.text) as { data?: unknown; errors: Array<{ message: string; extensions: unknown }> };
      assert.equal(body.data, undefined);
      assert.deepEqual(body.errors.map((error) => error.extensions), [{ code: "PERSISTED_QUERY_HASH_MISMATCH" }]);
      assert.match(body.errors[0]?.message ?? "", /^provided sha does not match query: extensions\.persistedQuery\.sha256Hash must be the hex SHA-256 of the query text/);
    }
    assert.equal(emulator.stats().total, 0, "no Cloud Control call");
    assert.deepEqual(gateway.logger.errors, [], "a client's mistake is not logged as an internal error");
    // The mismatched text was not stored under the hash it came with.
    assert.equal(codeOf(await byHash(gateway, `${query} `)), "PERSISTED_QUERY_NOT_FOUND");
  });

  it("answers an unsupported persisted query version with 400 BAD_REQUEST", async () => {
    const answer = await post(closed, { query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: hashOf(QUERY) } } });
    assert.equal(answer.status, 400, answer.text);
    assert.equal(codeOf(answer), "BAD_REQUEST");
    assert.match(answer.text, /persistedQuery\.version must be 1/);
  });

  it("is off with APQ_CACHE_MAX_BYTES=0", async () => {
    const off = await startTestGateway(emulator, { config: { server: { apqCacheMaxBytes: 0 } } });
    assert.equal(codeOf(await byHash(off, QUERY)), "PERSISTED_QUERY_NOT_SUPPORTED");
  });
});
