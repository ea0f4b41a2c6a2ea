// Two gateways sharing one Redis, as replicas do: a real redis-server, two gateway processes (the real
// entry, `node dist/src/index.js`, each its own pacer, Redis connection and persisted query store,
// configured only by its environment) and the emulator throttling at 30 calls a second, as Cloud
// Control does per account and region. Each gateway alone paces at 25 a second, so together, unshared,
// they would be throttled; sharing the bucket keeps them at 25 together. When Redis dies or stalls,
// each falls back to 25 / CLOUDCONTROL_REPLICAS (2) and keeps answering; when it is back, they share
// again. A persisted query registered on one gateway is answered by the other. The emulator's counters
// and the gateways' /metrics and logs are what is checked; no test measures time.
import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { LENIENT_KEYS, responseIdAt, routeWithResponses } from "../gateway/harness.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
import type { GatewayProcess } from "../support/gatewayProcess.js";
import { startGatewayProcess } from "../support/gatewayProcess.js";
import type { RunningRedis } from "../support/redis.js";
import { redisInstalled, startRedis } from "../support/redis.js";

const skip = redisInstalled() ? false : "redis-server is not installed (.ci/run installs Debian's redis-server)";

const API = "repl7a1b2c";
const ROUTE = "rpl0001";
const READS = 300;
/** Reads each gateway has open at once. */
const CONCURRENCY = 20;
/** Bounds each HTTP request to a gateway process, so a hung one fails its test instead of stalling it. */
const REQUEST_TIMEOUT_MS = 30_000;

/** A gateway process and where it answers. */
interface Replica {
  graphqlUrl: string;
  /** Its base URL (/metrics lives there). */
  url: string;
  process: GatewayProcess;
}

interface Setup {
  redis: RunningRedis;
  emulator: RunningEmulator;
  gateways: [Replica, Replica];
}

/** One gateway process against `emulator` and `redis`, set up as a replica of two; stopped when the test ends. */
async function startReplica(emulator: RunningEmulator, redis: RunningRedis): Promise<Replica> {
  const started = await startGatewayProcess({
    PORT: "0",
    IDE: "off",
    AUTH_MODE: "off",
    METRICS: "on",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    // One attempt: a throttled call is a failed field, not a hidden retry.
    CLOUDCONTROL_MAX_ATTEMPTS: "1",
    CLOUDCONTROL_RATE_LIMIT: "25",
    CLOUDCONTROL_RATE_BURST: "3",
    CLOUDCONTROL_MAX_IN_FLIGHT: "50",
    CLOUDCONTROL_REPLICAS: "2",
    REDIS_URL: redis.url,
    REDIS_TIMEOUT_MS: "200",
  });
  return { graphqlUrl: started.url, url: started.url.replace(/\/graphql$/, ""), process: started };
}

async function setUp(): Promise<Setup> {
  const redis = await startRedis();
  assert.ok(redis);
  const emulator = await startTestEmulator({ seed: routeWithResponses(API, ROUTE, READS), ...LENIENT_KEYS, faults: { rateLimitPerSecond: 30 } });
  const gateways = await Promise.all([startReplica(emulator, redis), startReplica(emulator, redis)]);
  return { redis, emulator, gateways };
}

const readOf = (index: number) => `{ routeResponse(apiId: "${API}", routeId: "${ROUTE}", routeResponseId: "${responseIdAt(index)}") { routeResponseId } }`;

/** POSTs a GraphQL body to `gateway`; its status, parsed body and text. */
async function post(gateway: Replica, body: unknown): Promise<{ status: number; json: GraphQLBody; text: string }> {
  const response = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as GraphQLBody, text };
}

interface GraphQLBody {
  data?: { routeResponse?: { routeResponseId: string } | null } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Reads route responses `indexes` through `gateway`, CONCURRENCY at a time; returns the failed ones' response texts. */
async function readAll(gateway: Replica, indexes: readonly number[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < indexes.length) {
      const index = indexes[next++] as number;
      const { json, text } = await post(gateway, { query: readOf(index) });
      if (json.errors !== undefined || json.data?.routeResponse?.routeResponseId !== responseIdAt(index)) failures.push(text);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

/** Reads 1..READS, the odd ones through the first gateway and the even ones through the second. */
function readSplit(gateways: [Replica, Replica]): Promise<string[][]> {
  const all = Array.from({ length: READS }, (_, index) => index + 1);
  return Promise.all([readAll(gateways[0], all.filter((index) => index % 2 === 1)), readAll(gateways[1], all.filter((index) => index % 2 === 0))]);
}

/** cloudcontrol_pacing_shared{region="us-east-1"} as the gateway's /metrics shows it; undefined before its first call. */
async function sharedGauge(gateway: Replica): Promise<number | undefined> {
  const text = await (await fetch(`${gateway.url}/metrics`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })).text();
  const found = /^cloudcontrol_pacing_shared\{region="us-east-1"\} (\d+)$/m.exec(text)?.[1];
  return found === undefined ? undefined : Number(found);
}

/** What the gateway process printed (its log). */
const printed = (gateway: Replica): string => {
  const { stdout, stderr } = gateway.process.output();
  return stdout + stderr;
};

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
    for (const gateway of gateways) assert.match(printed(gateway), /Redis \(shared pacing.*failed/);

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
    const byHash = async (gateway: Replica) => (await post(gateway, { extensions: { persistedQuery } })).json;
    const [first, second] = gateways;
    assert.equal((await byHash(second)).errors?.[0]?.extensions?.code, "PERSISTED_QUERY_NOT_FOUND");
    const registered = await post(first, { query, extensions: { persistedQuery } });
    assert.equal(registered.status, 200, registered.text);
    assert.deepEqual(await byHash(second), { data: { routeResponse: { routeResponseId: responseIdAt(7) } } });
  });
});

/** One read through each gateway (distinct route responses, so no read answers another's). */
function readPair(gateways: [Replica, Replica], attempt: number): Promise<string[][]> {
  const index = 1 + ((2 * attempt) % (READS - 1));
  return Promise.all([readAll(gateways[0], [index]), readAll(gateways[1], [index + 1])]);
}
