// AWS failures an operator can act on, through the real HTTP server and the real AWS SDK: credentials
// the SDK's chain cannot load (a profile that does not exist, in config files of the test's own) are
// AWS_CREDENTIALS_UNAVAILABLE with the request id, logged with the cause under that id, reported by
// /readyz and by the start-up check; a silent endpoint (accepts TCP, never answers) ends a query with
// UPSTREAM_TIMEOUT naming the endpoint, and /readyz within its own short limit, logging the endpoint.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Socket } from "node:net";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import WebSocket from "ws";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { credentialsProblem } from "../../src/cloudcontrol/probe.js";
import type { ConfigOverrides, ResolvedGatewayConfig } from "../../src/config.js";
import { loadConfig, withConfig, withDefaultRegion } from "../../src/config.js";
import { DEMO_API_ID, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { startHttpServer } from "../../src/http/index.js";
import { createLogger } from "../../src/observability/index.js";
import { createGateway } from "../../src/server.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
import { RecordingLogger } from "./harness.js";

const READ = `query ReadOne { routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") { routeResponseKey } }`;

interface Answer {
  status: number;
  requestId: string | null;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; checks?: Record<string, string> };
}

/** A gateway on loopback with its structured log captured; `credentials: undefined` uses the SDK's chain. */
async function startGateway(endpoint: string, credentials: typeof TEST_CREDENTIALS | undefined, overrides: ConfigOverrides<ResolvedGatewayConfig>) {
  const config = withConfig(withDefaultRegion(loadConfig({ AUTH_MODE: "off" }), "us-east-1"), {
    server: { port: 0 },
    cloudControl: { endpoint, maxAttempts: 1 },
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter((line) => line !== ""));
      done();
    },
  });
  const logger = new RecordingLogger();
  const gateway = createGateway({ config: withConfig(config, overrides), credentials, logger, log: createLogger({ level: "info", destination }) });
  const http = await startHttpServer(gateway, { host: "127.0.0.1", port: 0, drainTimeoutMs: 100 });
  after(() => http.close());
  const call = async (path: string, init?: RequestInit): Promise<Answer> => {
    const response = await fetch(`${http.url}${path}`, init);
    return { status: response.status, requestId: response.headers.get("x-request-id"), body: (await response.json()) as Answer["body"] };
  };
  return {
    logger,
    graphqlUrl: http.graphqlUrl,
    records: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
    query: () => call("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: READ }) }),
    ready: () => call("/readyz"),
  };
}

describe("AWS credentials that cannot be loaded", { timeout: 30_000 }, () => {
  const AWS_VARIABLES = [
    "AWS_PROFILE",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_EC2_METADATA_DISABLED",
  ];
  const saved = new Map(AWS_VARIABLES.map((name) => [name, process.env[name]]));
  const dir = mkdtempSync(join(tmpdir(), "aws-profile-"));
  before(() => {
    // Files of the test's own with one profile, and AWS_PROFILE naming another; no keys in the
    // environment, no instance metadata: the SDK's chain has nothing to give.
    writeFileSync(join(dir, "config"), "[profile present]\nregion = us-east-1\n");
    writeFileSync(join(dir, "credentials"), "[present]\naws_access_key_id = AKIDPRESENT\naws_secret_access_key = present-secret\n");
    for (const name of AWS_VARIABLES) delete process.env[name];
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(dir, "config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
      AWS_PROFILE: "absent",
      AWS_EC2_METADATA_DISABLED: "true",
    });
  });
  after(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("answer AWS_CREDENTIALS_UNAVAILABLE with the request id, log the cause under it, and call nothing", async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    const gateway = await startGateway(emulator.url, undefined, {});
    const answer = await gateway.query();
    assert.equal(answer.status, 200);
    const [error] = answer.body.errors ?? [];
    assert.equal(error?.extensions?.code, "AWS_CREDENTIALS_UNAVAILABLE", JSON.stringify(answer.body));
    assert.equal(error?.extensions?.requestId, answer.requestId);
    assert.doesNotMatch(error?.message ?? "", /absent|profile/i, "the caller is not told the gateway's setup");
    assert.equal(emulator.stats().total, 0, "no call reached Cloud Control");
    const record = gateway.records().find((entry) => entry.msg === "graphql operation" && entry.requestId === answer.requestId);
    assert.ok(record, "one record for the operation");
    assert.equal(record.level, 40, "a warning");
    assert.deepEqual(record.errorCodes, ["AWS_CREDENTIALS_UNAVAILABLE"]);
    assert.match(String((record.problems as string[] | undefined)?.[0]), /^AWS_CREDENTIALS_UNAVAILABLE: CredentialsProviderError: /);
    assert.equal(gateway.logger.errors.length, 0, "not logged as a bug");
  });

  it("log the cause with the operation on the streaming and WebSocket doors too, and answer its request id there", async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    const gateway = await startGateway(emulator.url, undefined, {});
    const sse = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" }, body: JSON.stringify({ query: READ }) });
    const sseAnswer = await sse.text();
    const answers: Record<string, string> = { sse: sseAnswer };
    assert.match(sseAnswer, /AWS_CREDENTIALS_UNAVAILABLE/);
    // A subscription's polls fail the same way; graphql-ws's error message ends it.
    const socket = new WebSocket(gateway.graphqlUrl.replace(/^http/, "ws"), "graphql-transport-ws");
    const ended = new Promise<string>((resolve) => {
      socket.on("message", (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { type: string };
        if (message.type === "connection_ack") socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: 'subscription { resourceRequestProgress(requestToken: "t-1") { status } }' } }));
        if (message.type === "next" || message.type === "error") resolve(data.toString());
      });
    });
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
    try {
      const socketAnswer = await ended;
      answers.websocket = socketAnswer;
      assert.match(socketAnswer, /AWS_CREDENTIALS_UNAVAILABLE/);
    } finally {
      socket.close();
    }
    await new Promise((resolve) => socket.once("close", resolve));
    for (const door of ["sse", "websocket"]) {
      const record = gateway.records().find((entry) => entry.msg === "graphql operation" && entry.door === door);
      assert.ok(record, `a record of the ${door} door`);
      assert.equal(record.level, 40, `${door}: a warning`);
      assert.match(String((record.problems as string[] | undefined)?.[0]), /^AWS_CREDENTIALS_UNAVAILABLE: CredentialsProviderError: /, door);
      // The answer names the request whose log record holds the cause, as over plain HTTP.
      assert.ok(answers[door]?.includes(`"requestId":"${String(record.requestId)}"`), `${door}: ${answers[door]}`);
    }
    assert.equal(emulator.stats().total, 0, "no call reached Cloud Control");
  });

  it("make /readyz 503 with the credentials check failed, and the start-up check say why", async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    const gateway = await startGateway(emulator.url, undefined, {});
    const ready = await gateway.ready();
    assert.equal(ready.status, 503);
    assert.deepEqual(ready.body.checks, { config: "ok", credentials: "failed: CredentialsProviderError", cloudControl: "not checked" });
    assert.ok(gateway.logger.lines.some((line) => line.startsWith("readiness: the AWS credentials cannot be loaded (CredentialsProviderError")), gateway.logger.lines.join("\n"));
    assert.match((await credentialsProblem(5000)) ?? "no problem", /^CredentialsProviderError: /);
  });

  it("the present profile loads (the test's files are read)", async () => {
    process.env.AWS_PROFILE = "present";
    try {
      assert.equal(await credentialsProblem(5000), undefined);
    } finally {
      process.env.AWS_PROFILE = "absent";
    }
  });
});

describe("a silent Cloud Control endpoint", { timeout: 60_000 }, async () => {
  // Accepts connections and reads requests, never answers.
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  after(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });

  it("fails a query with UPSTREAM_TIMEOUT naming the endpoint, after the attempts' time limits", async () => {
    const gateway = await startGateway(endpoint, TEST_CREDENTIALS, { cloudControl: { requestTimeoutMs: 200, maxAttempts: 2, operationTimeoutMs: 20_000 } });
    const answer = await gateway.query();
    const [error] = answer.body.errors ?? [];
    assert.equal(error?.extensions?.code, "UPSTREAM_TIMEOUT", JSON.stringify(answer.body));
    assert.ok(error?.message.includes(`Cloud Control at ${endpoint} did not answer in time`), error?.message);
  });

  it("fails a query with UPSTREAM_TIMEOUT at the operation's limit when that comes first", async () => {
    const gateway = await startGateway(endpoint, TEST_CREDENTIALS, { cloudControl: { requestTimeoutMs: 60_000, operationTimeoutMs: 300 } });
    const answer = await gateway.query();
    const [error] = answer.body.errors ?? [];
    assert.equal(error?.extensions?.code, "UPSTREAM_TIMEOUT", JSON.stringify(answer.body));
    assert.match(error?.message ?? "", /OPERATION_TIMEOUT_MS/);
  });

  it("makes /readyz answer 503 within its own limit, however long the attempts may take, and logs the endpoint", async () => {
    const gateway = await startGateway(endpoint, TEST_CREDENTIALS, { cloudControl: { requestTimeoutMs: 300_000, maxAttempts: 3, operationTimeoutMs: 900_000 } });
    const ready = await gateway.ready();
    assert.equal(ready.status, 503);
    assert.deepEqual(ready.body.checks, { config: "ok", credentials: "ok", cloudControl: "failed: UPSTREAM_TIMEOUT" });
    assert.ok(
      gateway.logger.lines.some((line) => line.includes(`readiness: Cloud Control at ${endpoint} (region us-east-1) did not answer within`)),
      gateway.logger.lines.join("\n"),
    );
  });
});
