// Every door, every time: the hostile requests of bench/hostile.ts sent through each door they apply
// to (HTTP POST, graphql-ws over WebSocket, a Lambda event, and the streaming doors, SSE and
// multipart, which take both forms), each refused with its code and no Cloud Control call (the
// emulator counts every call); then what only some doors have: the WebSocket's authentication at
// ConnectionInit, its init timeout, the subscription caps, and the Host check against DNS rebinding
// on every door.
import { strict as assert } from "node:assert";
import { request as httpRequest } from "node:http";
import { after, before, describe, it } from "node:test";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import WebSocket from "ws";
import { HOSTILE_ATTACKS, doorsOf } from "../../bench/hostile.js";
import type { ExpectedRefusal } from "../../bench/hostile.js";
import { loadConfig, withConfig, withDefaultRegion } from "../../src/config.js";
import type { GatewayContext } from "../../src/context.js";
import { routeResponseType } from "../../src/resourceTypes/index.js";
import { createLambdaGateway } from "../../src/lambda.js";
import { createGateway } from "../../src/server.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
import { RecordingLogger } from "../gateway/harness.js";
import { READ_KEY, SECURE_ENV, WRITE_KEY, startSecureGateway } from "./support.js";

const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 60_000 });
const gateway = await startSecureGateway(emulator, { env: { MAX_SUBSCRIPTIONS_PER_CONNECTION: "2", MAX_SUBSCRIPTIONS_PER_CALLER: "3" } });

function lambdaOf(env: Record<string, string>) {
  const created = createLambdaGateway({
    env: { AWS_REGION: "us-east-1", AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url, IDE: "off", ...env },
    credentials: TEST_CREDENTIALS,
    logger: new RecordingLogger(),
  });
  after(() => created.gateway.stop());
  return created;
}
const lambda = lambdaOf(SECURE_ENV);

const lambdaContext = { awsRequestId: "door-test", getRemainingTimeInMillis: () => 29_000 } as unknown as Context;

function lambdaEvent(body: string, headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: "POST /graphql",
    rawPath: "/graphql",
    rawQueryString: "",
    headers: { "content-type": "application/json", host: "r2d2c3po4x.execute-api.us-east-1.amazonaws.com", ...headers },
    requestContext: {
      accountId: "123456789012",
      apiId: "r2d2c3po4x",
      domainName: "r2d2c3po4x.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "r2d2c3po4x",
      http: { method: "POST", path: "/graphql", protocol: "HTTP/1.1", sourceIp: "203.0.113.17", userAgent: "door-test" },
      requestId: "door-test-request",
      routeKey: "POST /graphql",
      stage: "$default",
      time: "30/Jul/2024:13:52:02 +0000",
      timeEpoch: 1722347522512,
    },
    body,
    isBase64Encoded: false,
  };
}

interface Answer {
  status: number;
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function viaHttp(body: string, headers: Record<string, string> = { "x-api-key": WRITE_KEY }): Promise<Answer> {
  const response = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const parsed = (await response.json()) as { errors?: Answer["errors"] };
  return { status: response.status, errors: parsed.errors ?? [] };
}

async function viaLambda(body: string, headers: Record<string, string> = { "x-api-key": WRITE_KEY }, on = lambda): Promise<Answer> {
  const result = await on.handler(lambdaEvent(body, headers), lambdaContext);
  const parsed = JSON.parse(result.body ?? "{}") as { errors?: Answer["errors"] };
  return { status: result.statusCode ?? 200, errors: parsed.errors ?? [] };
}

/** The Accept of each streaming door: the same POST, answered as a stream once admitted. */
const STREAMS = [
  ["SSE", "text/event-stream"],
  ["multipart", "multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json"],
] as const;

/**
 * A POST to a streaming door. The pipeline's refusals come before any stream, as a JSON answer; a
 * resolver's (an argument out of range, answered 200 over HTTP too) is the stream's one result.
 */
async function viaStream(body: string, accept: string, headers: Record<string, string> = { "x-api-key": WRITE_KEY }): Promise<Answer> {
  const response = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", accept, ...headers }, body });
  const text = await response.text();
  if (/^application\/json/.test(response.headers.get("content-type") ?? "")) {
    assert.ok(response.status >= 400 && response.status < 500, `${response.status}`);
    return { status: response.status, errors: (JSON.parse(text) as { errors?: Answer["errors"] }).errors ?? [] };
  }
  assert.equal(response.status, 200);
  // The first result: SSE's first `next` event, or multipart's first part with a payload.
  const first = /^event: next\ndata: (.*)$/m.exec(text)?.[1] ?? /\{"payload":(.*)\}\r\n--graphql/.exec(text)?.[1];
  assert.ok(first !== undefined, text.slice(0, 300));
  return { status: 200, errors: (JSON.parse(first) as { errors?: Answer["errors"] }).errors ?? [] };
}

const wsUrl = (url: string) => url.replace(/^http/, "ws");

interface Socket {
  /** Resolves with the first message about subscription `id` (next, error or complete). */
  answer(id: string): Promise<{ type: string; payload?: unknown }>;
  subscribe(id: string, payload: string): void;
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** A raw graphql-ws client: the attacks' payloads are JSON text, sent as they are. */
async function openSocket(url: string, connectionParams: Record<string, string> | null, headers: Record<string, string> = {}): Promise<Socket> {
  const socket = new WebSocket(url, "graphql-transport-ws", { headers });
  const waiting = new Map<string, (message: { type: string; payload?: unknown }) => void>();
  const early = new Map<string, { type: string; payload?: unknown }>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  let acked: () => void = () => {};
  const ack = new Promise<void>((resolve) => (acked = resolve));
  socket.on("message", (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string; id?: string; payload?: unknown };
    if (message.type === "connection_ack") acked();
    if (message.id === undefined) return;
    const take = waiting.get(message.id);
    if (take) {
      waiting.delete(message.id);
      take(message);
    } else if (!early.has(message.id)) early.set(message.id, message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  if (connectionParams !== null) {
    socket.send(JSON.stringify({ type: "connection_init", payload: connectionParams }));
    await Promise.race([ack, closed]);
  }
  return {
    answer: (id) =>
      new Promise((resolve) => {
        const seen = early.get(id);
        if (seen) resolve(seen);
        else waiting.set(id, resolve);
      }),
    subscribe: (id, payload) => socket.send(`{"id":${JSON.stringify(id)},"type":"subscribe","payload":${payload}}`),
    closed,
    close: () => socket.close(),
  };
}

function assertRefused(answer: Answer, expected: ExpectedRefusal, where: string): void {
  const first = answer.errors[0];
  assert.ok(first, `${where}: no error in the answer`);
  assert.equal(first.extensions?.code, expected.code, `${where}: ${first.message}`);
  if (expected.measure !== undefined) assert.notEqual(first.extensions?.[expected.measure], undefined, `${where}: names the ${expected.measure} measure`);
}

describe("hostile requests through every door", () => {
  let socket: Socket;
  before(async () => {
    socket = await openSocket(wsUrl(gateway.graphqlUrl), { "x-api-key": WRITE_KEY });
  });
  after(() => socket.close());

  for (const attack of HOSTILE_ATTACKS) {
    // The streaming doors take queries and subscriptions alike: both forms of each attack.
    for (const [door, form] of [
      ["query", attack.http?.body],
      ["subscription", attack.ws?.payload],
    ] as const) {
      const expected = door === "query" ? attack.http?.expected : attack.ws?.expected;
      if (form === undefined || expected === undefined) continue;
      for (const [stream, accept] of STREAMS) {
        it(`${attack.id} as a ${door} over ${stream}: ${expected.code}, no Cloud Control call`, async () => {
          emulator.resetStats();
          assertRefused(await viaStream(form, accept), expected, stream);
          assert.equal(emulator.stats().total, 0);
        });
      }
    }
    for (const door of doorsOf(attack)) {
      if (door === "http") {
        const http = attack.http!;
        it(`${attack.id} over HTTP: ${http.expected.code}, no Cloud Control call`, async () => {
          emulator.resetStats();
          assertRefused(await viaHttp(http.body), http.expected, "HTTP");
          assert.equal(emulator.stats().total, 0);
        });
        it(`${attack.id} as a Lambda event: ${http.expected.code}, no Cloud Control call`, async () => {
          emulator.resetStats();
          assertRefused(await viaLambda(http.body), http.expected, "Lambda");
          assert.equal(emulator.stats().total, 0);
        });
      } else {
        const ws = attack.ws!;
        it(`${attack.id} over WebSocket: ${ws.expected.code}, no Cloud Control call`, async () => {
          emulator.resetStats();
          socket.subscribe(attack.id, ws.payload);
          const message = await socket.answer(attack.id);
          assert.equal(message.type, "error", JSON.stringify(message).slice(0, 300));
          assertRefused({ status: 200, errors: message.payload as Answer["errors"] }, ws.expected, "WebSocket");
          assert.equal(emulator.stats().total, 0);
        });
      }
    }
  }
});

const SUBSCRIBE = (token: string) => JSON.stringify({ query: `subscription { resourceRequestProgress(requestToken: "${token}") { status } }` });

describe("the WebSocket door", () => {
  it("closes a socket without credentials with 4401, before any operation", async () => {
    const socket = await openSocket(wsUrl(gateway.graphqlUrl), {});
    assert.equal((await socket.closed).code, 4401);
  });

  it("closes a socket whose credentials may not subscribe with 4403", async () => {
    const socket = await openSocket(wsUrl(gateway.graphqlUrl), { "x-api-key": READ_KEY });
    assert.equal((await socket.closed).code, 4403);
  });

  it("closes a socket that never sends ConnectionInit (4408)", async () => {
    const socket = await openSocket(wsUrl(gateway.graphqlUrl), null);
    assert.equal((await socket.closed).code, 4408);
  });

  it("caps live subscriptions per connection and per caller", async () => {
    const started = await viaHttp(
      JSON.stringify({ query: 'mutation { updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", set: { modelSelectionExpression: "$request.body.kind" } }) { request { requestToken } } }' }),
    );
    assert.deepEqual(started.errors, []);
    const list = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": WRITE_KEY },
      body: JSON.stringify({ query: "{ resourceRequests(first: 1) { nodes { requestToken status } } }" }),
    });
    const token = ((await list.json()) as { data: { resourceRequests: { nodes: Array<{ requestToken: string }> } } }).data.resourceRequests.nodes[0]!.requestToken;
    const one = await openSocket(wsUrl(gateway.graphqlUrl), { "x-api-key": WRITE_KEY });
    const two = await openSocket(wsUrl(gateway.graphqlUrl), { "x-api-key": WRITE_KEY });
    try {
      for (const id of ["a", "b"]) {
        one.subscribe(id, SUBSCRIBE(token));
        assert.equal((await one.answer(id)).type, "next");
      }
      one.subscribe("c", SUBSCRIBE(token));
      const perConnection = await one.answer("c");
      assert.equal(perConnection.type, "error");
      assert.deepEqual((perConnection.payload as Answer["errors"])[0]!.extensions, { code: "BAD_USER_INPUT", subscriptions: 2, limit: 2 });
      two.subscribe("d", SUBSCRIBE(token));
      assert.equal((await two.answer("d")).type, "next");
      two.subscribe("e", SUBSCRIBE(token));
      const perCaller = await two.answer("e");
      assert.equal(perCaller.type, "error");
      assert.deepEqual((perCaller.payload as Answer["errors"])[0]!.extensions, { code: "BAD_USER_INPUT", subscriptions: 3, limit: 3 });
    } finally {
      one.close();
      two.close();
      await Promise.all([one.closed, two.closed]);
    }
    // Closed sockets give their slots back.
    const three = await openSocket(wsUrl(gateway.graphqlUrl), { "x-api-key": WRITE_KEY });
    try {
      three.subscribe("f", SUBSCRIBE(token));
      assert.equal((await three.answer("f")).type, "next");
    } finally {
      three.close();
    }
  });

  it("closes a socket that sends a message over MAX_BODY_BYTES with 1009, logging one JSON record", async () => {
    const socket = await openSocket(wsUrl(gateway.graphqlUrl), { "x-api-key": WRITE_KEY });
    socket.subscribe("big", JSON.stringify({ query: `subscription { resourceRequestProgress(requestToken: "${"x".repeat(1024 * 1024)}") { status } }` }));
    assert.equal((await socket.closed).code, 1009);
    const records = gateway.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.msg === "websocket protocol error");
    assert.ok(records.length >= 1);
    assert.equal(typeof records[0]!.code, "string");
  });

  it("masks ARNs and account ids in AWS's messages, as HTTP does", async () => {
    const message = "User: arn:aws:sts::123456789012:assumed-role/gateway/i-0abc is not authorized to perform cloudformation:GetResourceRequestStatus in account 123456789012";
    emulator.setFaults({ injectedErrors: [{ operation: "GetResourceRequestStatus", code: "AccessDeniedException", message }] });
    const socket = await openSocket(wsUrl(gateway.graphqlUrl), { "x-api-key": WRITE_KEY });
    try {
      socket.subscribe("denied", SUBSCRIBE("any-token"));
      const answer = JSON.stringify(await socket.answer("denied"));
      assert.match(answer, /FORBIDDEN/);
      assert.match(answer, /User: <arn> is not authorized to perform cloudformation:GetResourceRequestStatus in account <account>/);
      assert.equal(answer.includes("123456789012"), false);
    } finally {
      emulator.setFaults({ injectedErrors: [] });
      socket.close();
    }
  });

  it("logs each subscription as one operation record of the websocket door", async () => {
    const records = gateway.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.msg === "graphql operation" && record.door === "websocket");
    assert.ok(records.length >= 3, `${records.length} records`);
    assert.ok(records.every((record) => record.operationType === "subscription" && typeof record.requestId === "string"));
  });
});

describe("subscriptions through a door that cannot stream", () => {
  it("are refused with 400 STREAMING_TRANSPORT_REQUIRED saying where to subscribe, on HTTP and Lambda alike", async () => {
    const body = SUBSCRIBE("any-token");
    const [http, lambdaAnswer] = [await viaHttp(body), await viaLambda(body)];
    for (const answer of [http, lambdaAnswer]) {
      assert.equal(answer.status, 400);
      assert.equal(answer.errors[0]!.extensions?.code, "STREAMING_TRANSPORT_REQUIRED");
      assert.match(answer.errors[0]!.message, /Accept: text\/event-stream .*multipart\/mixed;subscriptionSpec=1\.0 .*WebSocket/);
    }
    assert.match(http.errors[0]!.message, /send this request again/);
    assert.match(lambdaAnswer.errors[0]!.message, /this Lambda function cannot stream: subscribe on a gateway server/);
  });
});

describe("the pipeline itself", () => {
  it("makes no Cloud Control call for a context whose operation it did not admit", async () => {
    const config = withConfig(withDefaultRegion(loadConfig({ AUTH_MODE: "off" }), "us-east-1"), { cloudControl: { endpoint: emulator.url }, server: { ide: "off" } });
    const own = createGateway({ config, credentials: TEST_CREDENTIALS, logger: new RecordingLogger() });
    await own.start();
    after(() => own.stop());
    const caller = await own.pipeline.admitCaller({ headers: { host: "localhost" }, door: "http" });
    const context: GatewayContext = own.pipeline.createContext(caller);
    emulator.resetStats();
    await assert.rejects(context.cloudControl.getResource(routeResponseType, "us-east-1", "chat7a1b2c|send001|rrs0001"), /did not admit/);
    assert.throws(() => context.requestProgress.follow("us-east-1", "token"), /did not admit/);
    assert.equal(emulator.stats().total, 0);
    own.pipeline.admitOperation(context, { source: "{ __typename }", streams: false });
    assert.notEqual(await context.cloudControl.getResource(routeResponseType, "us-east-1", "chat7a1b2c|send001|rrs0001"), null);
  });
});

const open = await startSecureGateway(emulator, { env: { AUTH_MODE: "off", ALLOWED_HOSTS: "gateway.example.com" } });

describe("the Host check (DNS rebinding) with authentication off", () => {
  const port = new URL(open.url).port;
  const query = JSON.stringify({ query: "{ __typename }" });

  function post(host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { host, "content-type": "application/json", ...headers } }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end(query);
    });
  }

  it("serves loopback names and ALLOWED_HOSTS over HTTP", async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, "gateway.example.com"]) assert.equal((await post(host)).status, 200, host);
  });

  it("refuses a foreign Host over HTTP with 403 FORBIDDEN", async () => {
    const answer = await post(`attacker.example:${port}`);
    assert.equal(answer.status, 403);
    assert.equal((JSON.parse(answer.body) as Answer).errors[0]!.extensions?.code, "FORBIDDEN");
  });

  it("refuses a foreign Host on the streaming doors with 403 FORBIDDEN before streaming, and streams for loopback names", async () => {
    for (const [stream, accept] of STREAMS) {
      const refused = await post(`attacker.example:${port}`, { accept });
      assert.equal(refused.status, 403, stream);
      assert.equal((JSON.parse(refused.body) as Answer).errors[0]!.extensions?.code, "FORBIDDEN");
      const served = await post(`localhost:${port}`, { accept });
      assert.equal(served.status, 200, stream);
      assert.match(served.body, /"__typename":"Query"/);
    }
  });

  it("closes a WebSocket that names a foreign Host with 4403", async () => {
    const socket = await openSocket(wsUrl(open.graphqlUrl), {}, { host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` });
    assert.equal((await socket.closed).code, 4403);
  });

  it("refuses a foreign Host as a Lambda event", async () => {
    const offLambda = lambdaOf({ AUTH_MODE: "off" });
    const refused = await viaLambda(query, { host: "attacker.example" }, offLambda);
    assert.equal(refused.status, 403);
    assert.equal(refused.errors[0]!.extensions?.code, "FORBIDDEN");
    assert.equal((await viaLambda(query, { host: "localhost" }, offLambda)).status, 200);
  });
});
