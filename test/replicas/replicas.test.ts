// Two gateways sharing one Redis, as replicas do: a real redis-server, two in-process gateways (each
// its own pacer, Redis connection and persisted query store) and the emulator throttling at 30 calls a
// second, as Cloud Control does per account and region. Each gateway alone paces at 25 a second, so
// together, unshared, they would be throttled; sharing the bucket keeps them at 25 together. When
// Redis dies or stalls, each falls back to 25 / CLOUDCONTROL_REPLICAS (2) and keeps answering; when it is back,
// they share again. A persisted query registered on one gateway is answered by the other. The
// emulator's counters and the gateways' /metrics are what is checked; no test measures time.
import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import type { RunningEmulator } from "../../src/emulator/index.js";
import type { TestGateway } from "../gateway/harness.js";
import { LENIENT_KEYS, responseIdAt, routeWithResponses, startTestGateway } from "../gateway/harness.js";
import { startTestEmulator } from "../support/emulator.js";
import type { RunningRedis } from "../support/redis.js";
import { redisInstalled, startRedis } from "../support/redis.js";

const skip = redisInstalled() ? false : "redis-server is not installed (.ci/run installs Debian's redis-server)";

const API = "repl7a1b2c";
const ROUTE = "rpl0001";
const READS = 300;
/** Reads each gateway has open at once. */
const CONCURRENCY = 20;

interface Setup {
  redis: RunningRedis;
  emulator: RunningEmulator;
  gateways: [TestGateway, TestGateway];
}

async function setUp(): Promise<Setup> {
  const redis = await startRedis();
  assert.ok(redis);
  const emulator = await startTestEmulator({ seed: routeWithResponses(API, ROUTE, READS), ...LENIENT_KEYS, faults: { rateLimitPerSecond: 30 } });
  const start = () =>
    startTestGateway(emulator, {
      config: {
        // One attempt: a throttled call is a failed field, not a hidden retry.
        cloudControl: { maxAttempts: 1, pacing: { ratePerSecond: 25, burst: 3, maxInFlight: 50, replicas: 2 } },
        cache: { redisUrl: redis.url, redisTimeoutMs: 200 },
      },
    });
  return { redis, emulator, gateways: [await start(), await start()] };
}

const readOf = (index: number) => `{ routeResponse(apiId: "${API}", routeId: "${ROUTE}", routeResponseId: "${responseIdAt(index)}") { routeResponseId } }`;

/** Reads route responses `indexes` through `gateway`, CONCURRENCY at a time; returns the failed ones' error texts. */
async function readAll(gateway: TestGateway, indexes: readonly number[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < indexes.length) {
      const index = indexes[next++] as number;
      const response = await gateway.query<{ routeResponse: { routeResponseId: string } | null }>(readOf(index));
      if (response.errors !== undefined || response.data?.routeResponse?.routeResponseId !== responseIdAt(index)) failures.push(response.text);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

/** Reads 1..READS, the odd ones through the first gateway and the even ones through the second. */
function readSplit(gateways: [TestGateway, TestGateway]): Promise<string[][]> {
  const all = Array.from({ length: READS }, (_, index) => index + 1);
  return Promise.all([readAll(gateways[0], all.filter((index) => index % 2 === 1)), readAll(gateways[1], all.filter((index) => index % 2 === 0))]);
}

/** cloudcontrol_pacing_shared{region="us-east-1"} as the gateway's /metrics shows it; undefined before its first call. */
async function sharedGauge(gateway: TestGateway): Promise<number | undefined> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const found = /^cloudcontrol_pacing_shared\{region="us-east-1"\} (\d+)$/m.exec(text)?.[1];
  return found === undefined ? undefined : Number(found);
}

const gets = (emulator: RunningEmulator) => emulator.stats().operations.GetResource;

describe("replicas sharing Redis", { skip, timeout: 120_000 }, () => {
  it("share one Cloud Control budget: 300 reads split across two gateways, none throttled, none failed", async () => {
    const { emulator, gateways } = await setUp();
    emulator.resetStats();
    const failures = await readSplit(gateways);
    assert.deepEqual(failures, [[], []]);
    assert.deepEqual({ calls: gets(emulator).calls, throttled: gets(emulator).throttled }, { calls: READS, throttled: 0 });
    assert.deepEqual(await Promise.all(gateways.map(sharedGauge)), [1, 1]);
  });

  it("Redis killed mid-run: both keep answering at the fallback rate, unthrottled; back, they share again", async () => {
    const { redis, emulator, gateways } = await setUp();
    emulator.resetStats();
    const reads = readSplit(gateways);
    // Bounded: the reads make 300 calls, so 60 of them come.
    for (let poll = 0; poll < 2000 && gets(emulator).calls < 60; poll += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(await Promise.all(gateways.map(sharedGauge)), [1, 1], "shared before the kill");
    await redis.kill();
    assert.deepEqual(await reads, [[], []]);
    assert.deepEqual({ calls: gets(emulator).calls, throttled: gets(emulator).throttled }, { calls: READS, throttled: 0 });
    assert.deepEqual(await Promise.all(gateways.map(sharedGauge)), [0, 0], "both on their fallback bucket");
    for (const gateway of gateways) assert.ok(gateway.logger.lines.some((line) => /Redis \(shared pacing.*failed/.test(line)), gateway.logger.lines.join("\n"));

    await redis.restart();
    // Each gateway's breaker closes once a PING is answered; reads until both paced from Redis again.
    for (let attempt = 0; attempt < 100 && (await Promise.all(gateways.map(sharedGauge))).some((gauge) => gauge !== 1); attempt += 1) {
      assert.deepEqual(await readPair(gateways, attempt), [[], []]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(await Promise.all(gateways.map(sharedGauge)), [1, 1], "shared again");
  });

  it("Redis paused (SIGSTOP): within REDIS_TIMEOUT_MS both pace from their fallback bucket and answer; resumed, they share again", async () => {
    const { redis, emulator, gateways } = await setUp();
    assert.deepEqual(await readPair(gateways, 0), [[], []]);
    assert.deepEqual(await Promise.all(gateways.map(sharedGauge)), [1, 1], "shared before the pause");
    emulator.resetStats();
    redis.pause();
    const all = Array.from({ length: 40 }, (_, index) => index + 3);
    assert.deepEqual(await Promise.all([readAll(gateways[0], all.slice(0, 20)), readAll(gateways[1], all.slice(20))]), [[], []]);
    assert.deepEqual({ calls: gets(emulator).calls, throttled: gets(emulator).throttled }, { calls: 40, throttled: 0 });
    assert.deepEqual(await Promise.all(gateways.map(sharedGauge)), [0, 0], "both on their fallback bucket");
    redis.resume();
    for (let attempt = 0; attempt < 100 && (await Promise.all(gateways.map(sharedGauge))).some((gauge) => gauge !== 1); attempt += 1) {
      assert.deepEqual(await readPair(gateways, 30 + attempt), [[], []]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(await Promise.all(gateways.map(sharedGauge)), [1, 1], "shared again");
  });

  it("a persisted query registered on one gateway is answered by the other", async () => {
    const { gateways } = await setUp();
    const query = readOf(7);
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const byHash = (gateway: TestGateway) =>
      fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ extensions: { persistedQuery } }) }).then(
        async (response) => (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
      );
    const [first, second] = gateways;
    assert.equal((await byHash(second)).errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND");
    const registered = await fetch(first.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, extensions: { persistedQuery } }) });
    assert.equal(registered.status, 200);
    assert.deepEqual(await byHash(second), { data: { routeResponse: { routeResponseId: responseIdAt(7) } } });
  });
});

/** One read through each gateway (distinct route responses, so no read answers another's). */
function readPair(gateways: [TestGateway, TestGateway], attempt: number): Promise<string[][]> {
  const index = 1 + ((2 * attempt) % (READS - 1));
  return Promise.all([readAll(gateways[0], [index]), readAll(gateways[1], [index + 1])]);
}
