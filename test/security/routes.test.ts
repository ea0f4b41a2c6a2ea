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

const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 60_000 });
const open = await startSecureGateway(emulator, { env: { AUTH_MODE: "off", ALLOWED_HOSTS: "gateway.example.com", CORS_ORIGINS: "https://app.example.com" } });
const port = new URL(open.url).port;

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; port?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: options.port ?? port, path, method: options.method ?? "GET", headers: { host: `localhost:${port}`, ...options.headers } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Writes `bytes` on a new connection and resolves with everything the server sent until it closed. */
function rawExchange(bytes: string, to = port): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(to), "127.0.0.1", () => socket.write(bytes));
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

describe("HTTP_REQUEST_TIMEOUT_MS bounds receiving a request, not answering it", async () => {
  const slow = await startSecureGateway(emulator, { env: { AUTH_MODE: "off", HTTP_REQUEST_TIMEOUT_MS: "300" }, streamKeepAliveMs: 50 });
  const slowPort = new URL(slow.url).port;

  it("answers a body that never finishes with 408 BAD_REQUEST and closes the connection", { timeout: 10_000 }, async () => {
    // 100 bytes announced, 1 sent, then nothing: rawExchange resolves only once the server closed.
    const answer = await rawExchange(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`, slowPort);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /"code":"BAD_REQUEST"/);
  });

  it("answers headers that never finish with 408 and closes the connection", { timeout: 10_000 }, async () => {
    const answer = await rawExchange("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", slowPort);
    assert.match(answer, /^HTTP\/1\.1 408 /);
  });

  it("keeps an SSE subscription streaming long after the request timeout passed", { timeout: 20_000 }, async () => {
    const mutation = 'mutation { updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", set: { modelSelectionExpression: "$request.body.kind" } }) { request { requestToken } } }';
    const started = await slow.post({ query: mutation });
    const token = (started.body as { data: { updateRouteResponse: { request: { requestToken: string } } } }).data.updateRouteResponse.request.requestToken;
    const controller = new AbortController();
    const response = await fetch(slow.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: `subscription { resourceRequestProgress(requestToken: "${token}") { status } }` }),
      signal: controller.signal,
    });
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    const opened = Date.now();
    let pingsAfterTimeouts = 0;
    let text = "";
    try {
      // Reads until pings arrived well after ten request timeouts (3 s); bounded by count too.
      for (let chunks = 0; chunks < 10_000 && pingsAfterTimeouts < 3; chunks += 1) {
        const { done, value } = await reader.read();
        assert.equal(done, false, `the stream ended: ${text.slice(-300)}`);
        text += new TextDecoder().decode(value);
        if (Date.now() - opened > 3000 && /^:/m.test(new TextDecoder().decode(value))) pingsAfterTimeouts += 1;
      }
    } finally {
      controller.abort();
    }
    assert.equal(pingsAfterTimeouts, 3);
    assert.match(text, /"status":"IN_PROGRESS"/);
  });
});

describe("the HTTP metrics' route label", () => {
  it("counts / as root and /schema.graphql as schema, and a made-up path as other", async () => {
    await send("/");
    await send("/schema.graphql");
    await send("/made-up");
    const metrics = (await send("/metrics")).body;
    assert.match(metrics, /http_requests_total\{[^}]*route="root"[^}]*\} [1-9]/);
    assert.match(metrics, /http_requests_total\{[^}]*route="schema"[^}]*\} [1-9]/);
    assert.match(metrics, /http_requests_total\{[^}]*route="other"[^}]*\} [1-9]/);
  });
});
