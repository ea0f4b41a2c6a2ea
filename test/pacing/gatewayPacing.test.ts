// Pacing and resilience through the real gateway, the real SDK and the emulator's rate limit and
// latency: bursts queue instead of failing, throttling is retried, and what cannot finish fails alone.
// Counts, not milliseconds: every assertion is about calls, errors and paths.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { Json } from "../gateway/harness.js";
import { LENIENT_KEYS, codesOf, responseIdAt, routeWithResponses, startTestGateway } from "../gateway/harness.js";
import { startTestEmulator } from "../support/emulator.js";

const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses("paceapi001", "prt0001", 60) });

/** One query reading `count` distinct route responses (each once), by alias. */
function readMany(from: number, count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `r${from + i}: routeResponse(apiId: "paceapi001", routeId: "prt0001", routeResponseId: "${responseIdAt(from + i)}") { routeResponseKey }`,
  );
  return `{ ${fields.join("\n")} }`;
}

const keysOf = (data: Json): string[] => Object.values(data as Record<string, { routeResponseKey: string } | null>).map((value) => value?.routeResponseKey ?? "null");

describe("pacing under the emulator's rate limit", () => {
  it("queues a burst of concurrent queries under the limit: nothing throttled, nothing failed", async () => {
    emulator.resetStats();
    emulator.setFaults({ rateLimitPerSecond: 30, latencyMs: 0, injectedErrors: [] });
    // 25 calls in any second at most (20/s and a burst of 5), under the emulator's 30.
    const gateway = await startTestGateway(emulator, { config: { cloudControl: { maxAttempts: 1, pacing: { ratePerSecond: 20, burst: 5 } } } });
    const responses = await Promise.all([0, 1, 2, 3].map((i) => gateway.query(readMany(1 + i * 10, 10))));
    for (const response of responses) assert.deepEqual(response.errors, undefined);
    assert.deepEqual(responses.flatMap((response) => keysOf(response.data)), Array.from({ length: 40 }, (_, i) => `key${i + 1}`));
    const stats = emulator.stats();
    assert.equal(stats.operations.GetResource.calls, 40);
    assert.equal(stats.throttled, 0);
  });

  it("retries what AWS throttles anyway, and succeeds", async () => {
    emulator.resetStats();
    emulator.setFaults({ rateLimitPerSecond: null, injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", count: 4 }] });
    const gateway = await startTestGateway(emulator, { config: { cloudControl: { maxAttempts: 3, pacing: { ratePerSecond: 1000, burst: 100 } } } });
    const response = await gateway.query(readMany(1, 8));
    assert.deepEqual(response.errors, undefined);
    assert.deepEqual(keysOf(response.data), Array.from({ length: 8 }, (_, i) => `key${i + 1}`));
    // Eight reads and four retries.
    assert.equal(emulator.stats().operations.GetResource.calls, 12);
  });

  it("fails only the field whose retries AWS throttled, with THROTTLED", async () => {
    emulator.resetStats();
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", count: 3 }] });
    // One read at a time: the first key meets all three injected errors, the others none.
    const gateway = await startTestGateway(emulator, { config: { cloudControl: { maxAttempts: 3, maxConcurrency: 1, pacing: { ratePerSecond: 1000, burst: 100 } } } });
    const response = await gateway.query(readMany(1, 3));
    assert.deepEqual(codesOf(response), ["THROTTLED"]);
    assert.deepEqual(response.errors?.[0]?.path, ["r1"]);
    assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ThrottlingException");
    assert.deepEqual(keysOf(response.data), ["null", "key2", "key3"]);
    assert.equal(emulator.stats().operations.GetResource.calls, 5);
  });
});

describe("the operation's time limit", () => {
  it("takes calls still waiting for a token out of the queue: they fail with UPSTREAM_TIMEOUT, alone", async () => {
    emulator.resetStats();
    emulator.setFaults({ rateLimitPerSecond: null, injectedErrors: [] });
    // Two tokens, then one a minute: the third and fourth reads cannot start before the deadline.
    const gateway = await startTestGateway(emulator, { config: { cloudControl: { operationTimeoutMs: 300, pacing: { ratePerSecond: 1, burst: 2 } } } });
    const response = await gateway.query(readMany(1, 4));
    assert.deepEqual(codesOf(response), ["UPSTREAM_TIMEOUT", "UPSTREAM_TIMEOUT"]);
    assert.deepEqual(response.errors?.map((error) => error.path).sort(), [["r3"], ["r4"]]);
    assert.match(response.errors?.[0]?.message ?? "", /OPERATION_TIMEOUT_MS/);
    assert.deepEqual(keysOf(response.data), ["key1", "key2", "null", "null"]);
    // The two that timed out never reached Cloud Control.
    assert.equal(emulator.stats().operations.GetResource.calls, 2);
  });

  it("cuts a call in flight at the deadline", async () => {
    emulator.resetStats();
    emulator.setFaults({ latencyMs: 3000 });
    try {
      const gateway = await startTestGateway(emulator, { config: { cloudControl: { operationTimeoutMs: 200 } } });
      const response = await gateway.query(readMany(1, 1));
      assert.deepEqual(codesOf(response), ["UPSTREAM_TIMEOUT"]);
      assert.deepEqual(response.data, { r1: null });
      assert.equal(emulator.stats().operations.GetResource.calls, 1);
    } finally {
      emulator.setFaults({ latencyMs: 0 });
    }
  });

  it("leaves later operations their own full time", async () => {
    emulator.resetStats();
    const gateway = await startTestGateway(emulator, { config: { cloudControl: { operationTimeoutMs: 60_000 } } });
    const response = await gateway.query(readMany(1, 2));
    assert.deepEqual(response.errors, undefined);
    assert.equal(emulator.stats().operations.GetResource.calls, 2);
  });
});
