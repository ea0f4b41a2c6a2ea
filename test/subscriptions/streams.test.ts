// Subscriptions over plain HTTP streams against the real HTTP gateway (authentication on) and the
// emulator: GraphQL over SSE with graphql-sse's own client (and urql's fetchExchange, and a GET as
// EventSource sends it), Apollo's multipart subscriptions with Apollo Client 4's HttpLink and
// nothing else, and what both doors share with the WebSocket door:
// refusals before the stream as JSON 4xx answers, the per-caller cap freed when a client goes away,
// keep-alive pings, CORS, and a last SHUTTING_DOWN event when the gateway stops.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { Client as UrqlClient, fetchExchange } from "@urql/core";
import { createClient } from "graphql-sse";
import type { Client } from "graphql-sse";
import { Writable } from "node:stream";
import { loadConfig, withConfig, withDefaultRegion } from "../../src/config.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { startHttpServer } from "../../src/http/index.js";
import type { RunningHttpServer } from "../../src/http/index.js";
import { createLogger } from "../../src/observability/index.js";
import { createGateway } from "../../src/server.js";
import { RecordingLogger } from "../gateway/harness.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
import { READ_KEY, SECURE_ENV, WRITE_KEY } from "../security/support.js";

/** Writes outlast every test; advancing the emulator's clock finishes them. */
const emulator: RunningEmulator = await startTestEmulator({ seed: "demo", writeDurationMs: 60_000 });

interface StreamGateway extends RunningHttpServer {
  readonly logLines: string[];
}

async function startGateway(env: Record<string, string> = {}, streamKeepAliveMs?: number): Promise<StreamGateway> {
  const config = withConfig(withDefaultRegion(loadConfig({ ...SECURE_ENV, MAX_SUBSCRIPTIONS_PER_CALLER: "2", CORS_ORIGINS: "https://app.example.com", ...env }), "us-east-1"), {
    server: { ide: "off" },
    cloudControl: { endpoint: emulator.url, maxAttempts: 1, wait: { timeoutMs: 3000, minDelayMs: 20, maxDelayMs: 100 } },
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter((line) => line !== ""));
      done();
    },
  });
  const gateway = createGateway({ config, credentials: TEST_CREDENTIALS, logger: new RecordingLogger(), log: createLogger({ level: "info", destination }) });
  const http = await startHttpServer(gateway, { host: "127.0.0.1", port: 0, streamKeepAliveMs, drainTimeoutMs: 2000 });
  after(() => http.close());
  return Object.assign(http, { logLines });
}

const gateway = await startGateway();
const WRITER = { "x-api-key": WRITE_KEY };

const PROGRESS = "subscription Progress($token: String!) { resourceRequestProgress(requestToken: $token) { requestToken status done } }";
interface Progress {
  resourceRequestProgress: { requestToken: string; status: string; done: boolean };
}

async function post(body: unknown, headers: Record<string, string> = {}, url = gateway.graphqlUrl): Promise<{ status: number; headers: Headers; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...WRITER, ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as never };
}

/** Starts a write (IN_PROGRESS until the emulator's clock passes its 60 s): its request token. */
async function startWrite(expression: string): Promise<string> {
  // Cloud Control takes one write per resource at a time: an earlier test's ends first.
  emulator.advanceClock(61);
  const answer = await post({
    query: `mutation ($e: String) { updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", set: { modelSelectionExpression: $e } }) { request { requestToken status } } }`,
    variables: { e: expression },
  });
  const data = answer.body.data as { updateRouteResponse: { request: { requestToken: string; status: string } } };
  assert.equal(data.updateRouteResponse.request.status, "IN_PROGRESS", JSON.stringify(answer.body));
  return data.updateRouteResponse.request.requestToken;
}

const sseClients: Client[] = [];
after(() => sseClients.forEach((client) => client.dispose()));
function sseClient(headers: Record<string, string> = WRITER, url = gateway.graphqlUrl): Client {
  const client = createClient({ url, headers, retryAttempts: 0 });
  sseClients.push(client);
  return client;
}

/** Reads a raw stream until `enough` says so or `timeoutMs` passes; the text read. */
async function readStream(response: Response, enough: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!enough(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(deadline);
    reader.releaseLock();
  }
  return text;
}

function openStream(body: unknown, accept: string, headers: Record<string, string> = WRITER, signal?: AbortSignal, url = gateway.graphqlUrl): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", accept, ...headers }, body: JSON.stringify(body), signal });
}

const SSE = "text/event-stream";
const MULTIPART = "multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json";

describe("GraphQL over SSE (graphql-sse's client)", () => {
  it("streams a request's progress to its end: IN_PROGRESS, then SUCCESS, then complete", async () => {
    const token = await startWrite("$request.body.sse");
    const results: Progress[] = [];
    const ended = new Promise<unknown>((resolve) => {
      sseClient().subscribe<Progress>(
        { query: PROGRESS, variables: { token } },
        {
          next: (result) => {
            assert.equal(result.errors, undefined, JSON.stringify(result.errors));
            results.push(result.data as Progress);
            if (results.length === 1) emulator.advanceClock(61);
          },
          error: resolve,
          complete: () => resolve("complete"),
        },
      );
    });
    assert.equal(await ended, "complete");
    assert.deepEqual(
      results.map((result) => [result.resourceRequestProgress.requestToken, result.resourceRequestProgress.status, result.resourceRequestProgress.done]),
      [
        [token, "IN_PROGRESS", false],
        [token, "SUCCESS", true],
      ],
    );
  });

  it("answers queries too, through the same client and limits", async () => {
    const result = await new Promise<unknown>((resolve, reject) => {
      let seen: unknown;
      sseClient().subscribe({ query: '{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001") { routeResponseKey } }' }, {
        next: (value) => (seen = value),
        error: reject,
        complete: () => resolve(seen),
      });
    });
    assert.deepEqual(result, { data: { routeResponse: { routeResponseKey: "$default" } } });
  });

  it("reports a subscription's failure as its one event, then completes", async () => {
    const events: unknown[] = [];
    await new Promise<void>((resolve, reject) =>
      sseClient().subscribe({ query: PROGRESS, variables: { token: "no-such-token" } }, { next: (value) => events.push(value), error: reject, complete: resolve }),
    );
    assert.equal(events.length, 1);
    assert.equal((events[0] as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code, "NOT_FOUND");
  });

  it("streams a GET too, as an EventSource sends it (the operation in the query string)", async () => {
    const token = await startWrite("$request.body.eventsource");
    const search = new URLSearchParams({ query: PROGRESS, variables: JSON.stringify({ token }) });
    const abort = new AbortController();
    const response = await fetch(`${gateway.graphqlUrl}?${search.toString()}`, { headers: { accept: "text/event-stream", ...WRITER }, signal: abort.signal });
    assert.equal(response.status, 200);
    assert.match(await readStream(response, (text) => text.includes("IN_PROGRESS")), /event: next\ndata: \{"data":\{"resourceRequestProgress":\{"requestToken":"[^"]+","status":"IN_PROGRESS","done":false\}\}\}\n\n/);
    abort.abort();
  });

  it("serves urql's fetchExchange with fetchSubscriptions (it asks for text/event-stream first)", async () => {
    const token = await startWrite("$request.body.urql");
    const client = new UrqlClient({ url: gateway.graphqlUrl, exchanges: [fetchExchange], fetchSubscriptions: true, fetchOptions: { headers: WRITER } });
    const statuses: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const { unsubscribe } = client.subscription<Progress>(PROGRESS, { token }).subscribe((result) => {
        if (result.error !== undefined) {
          unsubscribe();
          reject(result.error);
          return;
        }
        statuses.push(result.data!.resourceRequestProgress.status);
        if (statuses.length === 1) emulator.advanceClock(61);
        if (result.data!.resourceRequestProgress.done) resolve();
      });
    });
    assert.deepEqual(statuses, ["IN_PROGRESS", "SUCCESS"]);
  });

  it("logs each streamed operation as one record of the sse door, under the caller's request id", async () => {
    const response = await openStream({ query: "{ __typename }" }, SSE, { ...WRITER, "x-request-id": "sse-trace-7" });
    assert.equal(response.headers.get("x-request-id"), "sse-trace-7");
    await response.text();
    const records = gateway.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.msg === "graphql operation" && record.door === "sse");
    assert.ok(records.some((record) => record.operationType === "subscription" && record.outcome === "ok"), JSON.stringify(records));
    assert.ok(records.some((record) => record.operationType === "query" && record.requestId === "sse-trace-7"), JSON.stringify(records));
  });
});

describe("multipart subscriptions (Apollo Client 4, HttpLink only)", () => {
  it("streams a request's progress to its end through an HttpLink, no WebSocket link", async () => {
    const token = await startWrite("$request.body.multipart");
    const client = new ApolloClient({ link: new HttpLink({ uri: gateway.graphqlUrl, headers: WRITER }), cache: new InMemoryCache() });
    after(() => client.stop());
    const statuses: Array<[string, boolean]> = [];
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe<Progress>({ query: gql(PROGRESS), variables: { token } }).subscribe({
        next: (result) => {
          assert.equal(result.error, undefined, String(result.error));
          statuses.push([result.data!.resourceRequestProgress.status, result.data!.resourceRequestProgress.done]);
          if (statuses.length === 1) emulator.advanceClock(61);
        },
        error: resolve,
        complete: () => resolve("complete"),
      });
    });
    assert.equal(await ended, "complete");
    assert.deepEqual(statuses, [
      ["IN_PROGRESS", false],
      ["SUCCESS", true],
    ]);
  });

  it("frames parts as Apollo's multipart subscription protocol does", async () => {
    const response = await openStream({ query: PROGRESS, variables: { token: "no-such-token" } }, MULTIPART);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^multipart\/mixed; boundary="graphql"; subscriptionSpec="1\.0"$/);
    const text = await readStream(response, () => false);
    const parts = text.split("\r\n--graphql");
    assert.equal(parts[0], "");
    assert.equal(parts.at(-1), "--\r\n");
    const bodies = parts.slice(1, -1).map((piece) => JSON.parse(piece.slice(piece.indexOf("\r\n\r\n"))) as { payload?: { errors?: Array<{ extensions: { code: string } }> } });
    assert.deepEqual(bodies[0], {}, "a heartbeat first");
    assert.equal(bodies.at(-1)!.payload!.errors![0]!.extensions.code, "NOT_FOUND");
  });
});

describe("both streaming doors", () => {
  const doors = [
    ["SSE", SSE],
    ["multipart", MULTIPART],
  ] as const;

  for (const [name, accept] of doors) {
    it(`${name}: refuses before streaming, as JSON with the pipeline's codes`, async () => {
      const cases: Array<[unknown, Record<string, string>, number, string]> = [
        [{ query: PROGRESS, variables: { token: "t" } }, {}, 401, "UNAUTHENTICATED"],
        [{ query: PROGRESS, variables: { token: "t" } }, { "x-api-key": READ_KEY }, 403, "FORBIDDEN"],
        [{ query: "subscription { resourceRequestProgress(requestToken: 1) { nope } }" }, WRITER, 400, "GRAPHQL_VALIDATION_FAILED"],
        [{ query: "subscription {" }, WRITER, 400, "GRAPHQL_PARSE_FAILED"],
        [[{ query: PROGRESS }], WRITER, 400, "BAD_REQUEST"],
        [{ variables: {} }, WRITER, 400, "BAD_REQUEST"],
      ];
      for (const [body, headers, status, code] of cases) {
        const response = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", accept, ...headers }, body: JSON.stringify(body) });
        assert.equal(response.status, status, JSON.stringify(body));
        assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
        const answer = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
        assert.equal(answer.errors[0]!.extensions.code, code, JSON.stringify(answer));
      }
    });

    it(`${name}: a mutation over GET is refused with 405`, async () => {
      const query = encodeURIComponent('mutation { cancelResourceRequest(input: { requestToken: "t" }) { request { status } } }');
      const response = await fetch(`${gateway.graphqlUrl}?query=${query}`, { headers: { accept, ...WRITER } });
      assert.equal(response.status, 405);
      assert.equal(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code, "BAD_REQUEST");
    });

    it(`${name}: caps live subscriptions per caller, and a client that goes away frees its place`, async () => {
      const token = await startWrite(`$request.body.cap${name}`);
      const first = new AbortController();
      const second = new AbortController();
      const body = { query: PROGRESS, variables: { token } };
      const opened = [await openStream(body, accept, WRITER, first.signal), await openStream(body, accept, WRITER, second.signal)];
      assert.deepEqual(
        opened.map((response) => response.status),
        [200, 200],
      );
      // Each has its first event before the third is tried: both hold their place.
      for (const response of opened) await readStream(response, (text) => text.includes("IN_PROGRESS"));
      const third = await openStream(body, accept);
      assert.equal(third.status, 429);
      assert.deepEqual(((await third.json()) as { errors: Array<{ extensions: unknown }> }).errors[0]!.extensions, { code: "BAD_USER_INPUT", subscriptions: 2, limit: 2 });
      first.abort();
      let again: Response | undefined;
      for (let attempt = 0; attempt < 50; attempt += 1) {
        again = await openStream(body, accept);
        if (again.status === 200) break;
        await again.text();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(again?.status, 200, "the aborted stream's place was freed");
      second.abort();
      await again!.body!.cancel();
    });

    it(`${name}: CORS answers an allowed page's origin`, async () => {
      const response = await openStream({ query: "{ __typename }" }, accept, { ...WRITER, origin: "https://app.example.com" });
      assert.equal(response.headers.get("access-control-allow-origin"), "https://app.example.com");
      assert.match(await response.text(), /"__typename":"Query"/);
    });
  }

  it("pings idle streams so proxies keep them open", async () => {
    const quick = await startGateway({}, 30);
    const token = await startWrite("$request.body.ping");
    const sse = await openStream({ query: PROGRESS, variables: { token } }, SSE, WRITER, undefined, quick.graphqlUrl);
    const sseText = await readStream(sse, (text) => text.split(":\n\n").length > 4);
    await sse.body!.cancel();
    assert.ok(sseText.split(":\n\n").length > 4, sseText);
    const multipart = await openStream({ query: PROGRESS, variables: { token } }, MULTIPART, WRITER, undefined, quick.graphqlUrl);
    const heartbeat = "\r\n\r\n{}\r\n--graphql";
    const multipartText = await readStream(multipart, (text) => text.split(heartbeat).length > 4);
    await multipart.body!.cancel();
    assert.ok(multipartText.split(heartbeat).length > 4, multipartText);
  });

  it("ends open streams with a last SHUTTING_DOWN event when the gateway stops", async () => {
    const stopping = await startGateway();
    const token = await startWrite("$request.body.shutdown");
    const body = { query: PROGRESS, variables: { token } };
    const sse = await openStream(body, SSE, WRITER, undefined, stopping.graphqlUrl);
    const multipart = await openStream(body, MULTIPART, WRITER, undefined, stopping.graphqlUrl);
    const reading = [readStream(sse, () => false), readStream(multipart, () => false)];
    await stopping.close();
    const [sseText, multipartText] = await Promise.all(reading);
    assert.match(sseText!, /event: next\ndata: \{"errors":\[\{"message":"The gateway is shutting down[^\n]*"SHUTTING_DOWN"[^\n]*\n\nevent: complete\ndata:\n\n$/);
    assert.match(multipartText!, /\{"payload":null,"errors":\[\{"message":"The gateway is shutting down[^\n]*"SHUTTING_DOWN"\}\}\]\}\r\n--graphql--\r\n$/);
  });
});

describe("subscriptions where no stream is possible", () => {
  for (const [name, send] of [
    ["a JSON POST", () => post({ query: PROGRESS, variables: { token: "t" } })],
    [
      "a GET",
      async () => {
        const response = await fetch(`${gateway.graphqlUrl}?query=${encodeURIComponent(PROGRESS)}&variables=${encodeURIComponent('{"token":"t"}')}`, { headers: { ...WRITER, "apollo-require-preflight": "1" } });
        return { status: response.status, body: (await response.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
      },
    ],
  ] as const) {
    it(`answer ${name} with 400 STREAMING_TRANSPORT_REQUIRED, saying where to subscribe`, async () => {
      const answer = await send();
      assert.equal(answer.status, 400);
      const error = answer.body.errors![0]!;
      assert.equal(error.extensions?.code, "STREAMING_TRANSPORT_REQUIRED");
      assert.match(error.message, /Accept: text\/event-stream/);
      assert.match(error.message, /multipart\/mixed;subscriptionSpec=1\.0/);
      assert.match(error.message, /WebSocket .*graphql-transport-ws/);
    });
  }
});
