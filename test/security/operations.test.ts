// What an authenticated client and an operator see: scopes that let reads and writes through, the IDE
// and CORS preflight without credentials, health, readiness and metrics, request ids, internal
// errors with a request id and no detail, masked AWS messages, the per-request call budget at run
// time, and logs that name operations but never keys, tokens or properties.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, it } from "node:test";
import { DEFAULT_SCOPES } from "../../src/auth/index.js";
import type { CloudControlFacade } from "../../src/cloudcontrol/facade.js";
import { defaultIdeAssetsDir } from "../../src/ide/index.js";
import { DEMO_API_ID, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { LENIENT_KEYS, routeWithResponses } from "../gateway/harness.js";
import { startTestEmulator } from "../support/emulator.js";
import { READ_KEY, WRITE_KEY, apiKey, bearer, startSecureGateway, token } from "./support.js";

const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 0 });
const gateway = await startSecureGateway(emulator, { env: { HSTS_MAX_AGE_SECONDS: "31536000" } });

const SEND = `apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}"`;
const READ = `query ReadOne { routeResponse(${SEND}, routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") { routeResponseKey properties } }`;
const MODEL_MARKER = "ModelMarker9c2e";
const secrets: string[] = [READ_KEY, WRITE_KEY, MODEL_MARKER];

/** The pino records with this message, parsed. */
const records = (message: string) => gateway.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((record) => record.msg === message);

describe("authenticated operations", () => {
  it("lets a read key read, and logs the operation without its data", async () => {
    const answer = await gateway.post({ query: READ }, apiKey(READ_KEY));
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.routeResponse.routeResponseKey, "$default");
    const requestId = answer.headers.get("x-request-id");
    const record = records("graphql operation").find((r) => r.requestId === requestId);
    assert.ok(record, "one record for the operation");
    assert.deepEqual(
      { name: record.operationName, type: record.operationType, principal: record.principal, calls: record.cloudControlCalls, outcome: record.outcome },
      { name: "ReadOne", type: "query", principal: "apikey:reader", calls: 1, outcome: "ok" },
    );
    assert.equal(typeof record.durationMs, "number");
  });

  it("takes the key as `Authorization: ApiKey <key>` too", async () => {
    const answer = await gateway.post({ query: READ }, { authorization: `ApiKey ${READ_KEY}` });
    assert.equal(answer.body.data.routeResponse.routeResponseKey, "$default");
  });

  it("lets a token with the write scope create, and one with the read scope read it", async () => {
    const writer = await token({ scope: `${DEFAULT_SCOPES.read} ${DEFAULT_SCOPES.write}` });
    const reader = await token();
    secrets.push(writer, reader);
    const created = await gateway.post(
      {
        query: `mutation Create($input: CreateRouteResponseInput!) { createRouteResponse(input: $input) { request { status } routeResponse { identifier } } }`,
        variables: { input: { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.disconnect, routeResponseKey: "$default", responseModels: [{ contentType: "application/json", modelName: MODEL_MARKER }], wait: true } },
      },
      bearer(writer),
    );
    assert.equal(created.body.data.createRouteResponse.request.status, "SUCCESS", created.text);
    const identifier = created.body.data.createRouteResponse.routeResponse.identifier as string;
    const [apiId, routeId, routeResponseId] = identifier.split("|");
    const read = await gateway.post({ query: `{ routeResponse(apiId: "${apiId}", routeId: "${routeId}", routeResponseId: "${routeResponseId}") { properties } }` }, bearer(reader));
    assert.equal(read.body.data.routeResponse.properties.ResponseModels["application/json"], MODEL_MARKER);
    const record = records("graphql operation").find((r) => r.operationName === "Create");
    assert.equal(record?.principal, "user-7");
    assert.equal(record?.via, "jwt");
  });

  it("serves the IDE page and its assets without credentials, but not operations", async (t) => {
    const assets = defaultIdeAssetsDir();
    if (assets === undefined) return t.skip("the IDE is not built");
    const page = await gateway.fetch("/graphql", { headers: { accept: "text/html" } });
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    assert.match(page.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
    const manifest = JSON.parse(readFileSync(`${assets}/manifest.json`, "utf8")) as { js: string };
    assert.equal((await gateway.fetch(`/ide/assets/${manifest.js}`)).status, 200);
    const query = await gateway.fetch(`/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/json", "apollo-require-preflight": "1" } });
    assert.equal(query.status, 401);
  });

  it("answers a CORS preflight without credentials", async () => {
    const preflight = await gateway.fetch("/graphql", { method: "OPTIONS" });
    assert.notEqual(preflight.status, 401);
    assert.ok(preflight.status < 500);
  });
});

describe("request ids, headers and internal errors", () => {
  it("keeps a sane incoming x-request-id and replaces anything else", async () => {
    const kept = await gateway.post({ query: READ }, { ...apiKey(READ_KEY), "x-request-id": "lb-1234.abc" });
    assert.equal(kept.headers.get("x-request-id"), "lb-1234.abc");
    const replaced = await gateway.post({ query: READ }, { ...apiKey(READ_KEY), "x-request-id": `bad id ${"x".repeat(300)}` });
    assert.match(replaced.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
  });

  it("sends HSTS when configured", async () => {
    const answer = await gateway.fetch("/healthz");
    assert.equal(answer.headers.get("strict-transport-security"), "max-age=31536000; includeSubDomains");
    assert.equal(answer.headers.get("x-content-type-options"), "nosniff");
  });

  it("turns a bug into INTERNAL_SERVER_ERROR with the request id, no stack and no detail", async () => {
    const failing = {
      getResource: () => Promise.reject(new Error("boom in /srv/secret/path.js with token abc")),
    } as unknown as CloudControlFacade;
    const broken = await startSecureGateway(emulator, { cloudControl: failing });
    const answer = await broken.post({ query: READ }, apiKey(READ_KEY));
    assert.equal(answer.status, 200);
    const [error] = answer.body.errors;
    assert.equal(error.message, "Internal server error");
    assert.deepEqual(error.extensions, { code: "INTERNAL_SERVER_ERROR", requestId: answer.headers.get("x-request-id") });
    assert.doesNotMatch(answer.text, /boom|secret|stack|\.js/);
    assert.ok(broken.recorder.errors.some((logged) => String((logged as Error).message).includes("boom")), "the cause is logged");
    const requestId = answer.headers.get("x-request-id") ?? "none";
    assert.ok(broken.recorder.lines.some((line) => line.includes(`requestId ${requestId}`)), `the cause's line names ${requestId}: ${broken.recorder.lines.join(" | ")}`);
    // The streaming door's formatter logs under its request's id too.
    const stream = await fetch(broken.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", "x-request-id": "sse-bug-7", ...apiKey(READ_KEY) },
      body: JSON.stringify({ query: READ }),
    });
    assert.match(await stream.text(), /"requestId":"sse-bug-7"/);
    assert.ok(broken.recorder.lines.some((line) => line.includes("requestId sse-bug-7")), broken.recorder.lines.join(" | "));
  });
});

describe("operationName", () => {
  it("answers a document whose operation cannot be chosen with 400 OPERATION_RESOLUTION_FAILURE", async () => {
    for (const body of [{ query: "query A { __typename } query B { __typename }" }, { query: "query A { __typename }", operationName: "C" }]) {
      const answer = await gateway.post(body, apiKey(READ_KEY));
      assert.equal(answer.status, 400, answer.text);
      assert.equal(answer.body.errors[0].extensions.code, "OPERATION_RESOLUTION_FAILURE", answer.text);
    }
  });
});

describe("AWS messages", () => {
  const message = "User: arn:aws:sts::123456789012:assumed-role/gateway/i-0abc is not authorized to perform cloudformation:GetResource in account 123456789012";
  const withDenied = async (run: () => Promise<void>) => {
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "AccessDeniedException", message }] });
    try {
      await run();
    } finally {
      emulator.setFaults({ injectedErrors: [] });
    }
  };

  it("masks ARNs and account ids by default", async () => {
    await withDenied(async () => {
      const answer = await gateway.post({ query: READ }, apiKey(READ_KEY));
      assert.equal(answer.body.errors[0].extensions.code, "FORBIDDEN");
      assert.equal(answer.body.errors[0].message, "User: <arn> is not authorized to perform cloudformation:GetResource in account <account>");
    });
  });

  it("shows them with MASK_AWS_MESSAGES=off", async () => {
    const open = await startSecureGateway(emulator, { env: { MASK_AWS_MESSAGES: "off" } });
    await withDenied(async () => {
      const answer = await open.post({ query: READ }, apiKey(READ_KEY));
      assert.equal(answer.body.errors[0].message, message);
    });
  });
});

describe("the call budget at run time", () => {
  it("stops a listing whose pages are smaller than the estimate assumed, at exactly MAX_COST calls", async () => {
    const small = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses("budgetapi", "broute", 30), writeDurationMs: 0, listPageSize: 2 });
    const limited = await startSecureGateway(small, { env: { MAX_COST: "6" } });
    small.resetStats();
    // Estimated at 2 calls (one page of 20, assumed), it needs 10 pages of 2.
    const answer = await limited.post({ query: `{ routeResponses(apiId: "budgetapi", routeId: "broute", first: 20) { nodes { id } } }` }, apiKey(READ_KEY));
    assert.deepEqual(answer.body.errors[0].extensions, { code: "BAD_USER_INPUT", cloudControlCalls: 7, limit: 6 });
    assert.equal(small.stats().operations.ListResources.calls, 6);
    assert.equal(small.stats().total, 6);
  });
});

describe("operator routes", () => {
  it("/healthz answers without credentials", async () => {
    const answer = await gateway.fetch("/healthz");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: "ok" });
  });

  it("/readyz checks credentials and Cloud Control, and reuses its answer for a while", async () => {
    emulator.resetStats();
    const first = await gateway.fetch("/readyz");
    const second = await gateway.fetch("/readyz");
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { status: "ready", checks: { config: "ok", credentials: "ok", cloudControl: "ok" } });
    assert.deepEqual(second.body, first.body);
    assert.equal(emulator.stats().operations.ListResourceRequests.calls, 1, "one probe for two checks");
  });

  it("/readyz is 503 when Cloud Control cannot be reached", async () => {
    // A port that was free a moment ago: nothing answers there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const unreachable = await startSecureGateway(emulator, { config: { cloudControl: { endpoint: `http://127.0.0.1:${port}` } } });
    const answer = await unreachable.fetch("/readyz");
    assert.equal(answer.status, 503);
    assert.equal(answer.body.status, "not ready");
    assert.match(answer.body.checks.cloudControl, /^failed: UPSTREAM_ERROR/);
  });

  it("/metrics counts HTTP requests, operations, Cloud Control calls, throttles, retries and loader batches", async () => {
    const retrying = await startSecureGateway(emulator, { config: { cloudControl: { maxAttempts: 3 } } });
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", message: "Rate exceeded", count: 1, status: 400 }] });
    try {
      const answer = await retrying.post({ query: `{ a: ${READ.slice(READ.indexOf("routeResponse"), -1)} }` }, apiKey(READ_KEY));
      assert.equal(answer.body.data.a.routeResponseKey, "$default", answer.text);
    } finally {
      emulator.setFaults({ injectedErrors: [] });
    }
    await retrying.post({ query: READ });
    const metrics = await retrying.fetch("/metrics");
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get("content-type") ?? "", /^text\/plain/);
    for (const series of [
      'http_requests_total{method="POST",route="graphql",status="200"} 1',
      'http_requests_total{method="POST",route="graphql",status="401"} 1',
      'graphql_operations_total{type="query",outcome="ok"} 1',
      'cloudcontrol_requests_total{operation="GetResource",outcome="ok"} 1',
      'cloudcontrol_throttles_total{operation="GetResource"} 1',
      'cloudcontrol_retries_total{operation="GetResource"} 1',
      'dataloader_batch_size_count{loader="routeResponse"} 1',
      "graphql_operation_duration_seconds_count",
      "cloudcontrol_request_duration_seconds_count",
    ]) {
      assert.ok(metrics.text.includes(series), `missing ${series}`);
    }
  });

  it("/metrics is off with METRICS=off", async () => {
    const quiet = await startSecureGateway(emulator, { env: { METRICS: "off" } });
    assert.equal((await quiet.fetch("/metrics", { headers: apiKey(READ_KEY) })).status, 404);
  });
});

describe("introspection", () => {
  it("is on by default (with the read scope) and off with INTROSPECTION=off", async () => {
    const query = { query: "{ __schema { queryType { name } } }" };
    assert.equal((await gateway.post(query, apiKey(READ_KEY))).body.data.__schema.queryType.name, "Query");
    const closed = await startSecureGateway(emulator, { env: { INTROSPECTION: "off" } });
    const refused = await closed.post(query, apiKey(READ_KEY));
    assert.equal(refused.status, 400);
    assert.match(refused.body.errors[0].message, /introspection/i);
  });
});

describe("logs", () => {
  it("contain no key, token or property value", () => {
    const logs = gateway.allLogs();
    assert.ok(records("graphql operation").length > 3);
    assert.ok(records("http request").length > 3);
    for (const secret of secrets) assert.equal(logs.includes(secret), false, `the logs contain ${secret.slice(0, 12)}...`);
  });
});
