// The HTTP server's routes besides GraphQL, as an attacker reaches them: the Host check (DNS
// rebinding) on every route, the cross-site check on /schema.graphql, the JSON answers of
// transport-level refusals (oversized headers, a refused CORS preflight, a body sent too slowly), and
// the route labels of the HTTP metrics. Raw node:http requests, so the Host and headers are exactly
// what the test says.
import { strict as assert } from "node:assert";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { describe, it } from "node:test";
import { startTestEmulator } from "../support/emulator.js";
import { startSecureGateway } from "./support.js";

const emulator = await startTestEmulator({ seed: "demo" });
const open = await startSecureGateway(emulator, { env: { AUTH_MODE: "off", ALLOWED_HOSTS: "gateway.example.com", CORS_ORIGINS: "https://app.example.com" } });
const port = new URL(open.url).port;

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: { host: `localhost:${port}`, ...options.headers } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Writes `bytes` on a new connection and resolves with everything the server sent until it closed. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(bytes));
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

function codeOf(answer: RawAnswer): unknown {
  assert.match(String(answer.headers["content-type"]), /^application\/json/, answer.body.slice(0, 200));
  return (JSON.parse(answer.body) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code;
}

describe("/schema.graphql", () => {
  it("refuses a browser's GET from another site's page with 403 CROSS_SITE_REQUEST, and serves the same GET from the gateway's own page", async () => {
    const refused = await send("/schema.graphql", { headers: { "sec-fetch-site": "cross-site" } });
    assert.equal(refused.status, 403);
    assert.equal(codeOf(refused), "CROSS_SITE_REQUEST");
    const served = await send("/schema.graphql", { headers: { "sec-fetch-site": "same-origin" } });
    assert.equal(served.status, 200);
    assert.match(served.body, /type Query/);
  });
});

describe("the Host check (DNS rebinding) on every route", () => {
  const routes = ["/metrics", "/readyz", "/healthz", "/", "/schema.graphql", "/ide/assets/graphiql.js", "/nothing-here"];

  it("refuses a foreign Host with 403 FORBIDDEN as JSON on every route, before the route answers", async () => {
    for (const path of routes) {
      const refused = await send(path, { headers: { host: `attacker.example:${port}` } });
      assert.equal(refused.status, 403, path);
      assert.equal(codeOf(refused), "FORBIDDEN", path);
      assert.match(refused.body, /ALLOWED_HOSTS/);
      assert.ok(typeof refused.headers["x-request-id"] === "string", path);
    }
    const preflight = await send("/graphql", { method: "OPTIONS", headers: { host: "attacker.example", origin: "https://app.example.com", "access-control-request-method": "POST" } });
    assert.equal(preflight.status, 403);
  });

  it("serves loopback names, ALLOWED_HOSTS and IP addresses (probes and scrapers by pod IP), which no rebinding page can send", async () => {
    for (const host of [`localhost:${port}`, "gateway.example.com", `10.1.2.3:${port}`, `[fd00::17]:${port}`]) {
      const metrics = await send("/metrics", { headers: { host } });
      assert.equal(metrics.status, 200, host);
      assert.match(metrics.body, /http_requests_total/);
      assert.equal((await send("/healthz", { headers: { host } })).status, 200, host);
    }
  });
});

describe("transport-level refusals answer JSON with a code", () => {
  it("answers a request whose headers exceed node's limit with 431 and BAD_REQUEST", async () => {
    const answer = await send("/graphql", { headers: { "x-padding": "x".repeat(20 * 1024) } });
    assert.equal(answer.status, 431);
    assert.equal(codeOf(answer), "BAD_REQUEST");
  });

  it("answers a malformed request line with 400 and BAD_REQUEST", async () => {
    const answer = await rawExchange("NOT-HTTP\r\n\r\n");
    assert.match(answer, /^HTTP\/1\.1 400 /);
    assert.match(answer, /"code":"BAD_REQUEST"/);
  });

  it("answers a CORS preflight from a disallowed origin with 403 FORBIDDEN as JSON, without CORS headers", async () => {
    const answer = await send("/graphql", { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    assert.equal(answer.status, 403);
    assert.equal(codeOf(answer), "FORBIDDEN");
    assert.equal(answer.headers["access-control-allow-origin"], undefined);
    const allowed = await send("/graphql", { method: "OPTIONS", headers: { origin: "https://app.example.com", "access-control-request-method": "POST" } });
    assert.equal(allowed.status, 204);
  });
});
