// The Redis cache when Redis fails under a running gateway: a real redis-server killed (SIGKILL),
// paused (SIGSTOP, later SIGCONT) and restarted empty. Every read is answered with Cloud Control's
// current value (the emulator's GetResource count shows where each came from), a write made while
// Redis is away returns its request, and no read after the write answers what was there before it,
// including once a paused Redis resumes still holding the old entry. REDIS_TIMEOUT_MS is small here so
// that what an outage costs keeps these tests short; no test measures time.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { RunningEmulator } from "../../src/emulator/index.js";
import type { TestGateway } from "../gateway/harness.js";
import { startTestGateway } from "../gateway/harness.js";
import { startTestEmulator } from "../support/emulator.js";
import type { RunningRedis } from "../support/redis.js";
import { redisInstalled, startRedis } from "../support/redis.js";

const skip = redisInstalled() ? false : "redis-server is not installed (.ci/run installs Debian's redis-server)";

const READ = `{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001") { modelSelectionExpression } }`;
const UPDATE = (expression: string) => `mutation {
  updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001",
    patch: [{ op: REPLACE, path: "/ModelSelectionExpression", value: "${expression}" }], wait: true }) { request { status } }
}`;
/** Bounds every loop that waits for the gateway to use Redis again (its reconnect backoff, its retries). */
const ATTEMPTS = 200;

async function setUp(): Promise<{ redis: RunningRedis; emulator: RunningEmulator; gateway: () => Promise<TestGateway> }> {
  const redis = await startRedis();
  assert.ok(redis);
  const emulator = await startTestEmulator({ seed: "demo" });
  const gateway = () => startTestGateway(emulator, { config: { cache: { ttlMs: 60_000, redisUrl: redis.url, redisTimeoutMs: 200 } } });
  return { redis, emulator, gateway };
}

/** The route response's model selection expression as one read through `gateway` answers it; a failed read fails the test. */
async function expressionRead(gateway: TestGateway): Promise<string> {
  const response = await gateway.query(READ);
  assert.equal(response.errors, undefined, response.text);
  return (response.data as { routeResponse: { modelSelectionExpression: string } }).routeResponse.modelSelectionExpression;
}

async function write(gateway: TestGateway, expression: string): Promise<void> {
  const response = await gateway.query(UPDATE(expression));
  assert.deepEqual(response.data, { updateRouteResponse: { request: { status: "SUCCESS" } } }, response.text);
}

/**
 * Reads until one is a hit (no GetResource behind it): the gateway uses Redis again. Every read on the
 * way must answer `expected`. Returns how many reads it took.
 */
async function untilHit(gateway: TestGateway, emulator: RunningEmulator, expected: string): Promise<number> {
  const gets = () => emulator.stats().operations.GetResource.calls;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const before = gets();
    assert.equal(await expressionRead(gateway), expected, `read ${attempt}`);
    if (gets() === before) return attempt;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`no read was a hit in ${ATTEMPTS} attempts: the cache did not come back`);
}

describe("the Redis cache when Redis fails mid-run", { skip, timeout: 60_000 }, () => {
  it("killed: reads ask Cloud Control, a write goes through; restarted empty: the cache works again", async () => {
    const { redis, emulator, gateway: start } = await setUp();
    const gateway = await start();
    const gets = () => emulator.stats().operations.GetResource.calls;
    emulator.resetStats();
    assert.equal(await expressionRead(gateway), "$context.status");
    assert.equal(await expressionRead(gateway), "$context.status");
    assert.equal(gets(), 1, "the second read is a hit");

    await redis.kill();
    for (let read = 0; read < 3; read += 1) assert.equal(await expressionRead(gateway), "$context.status");
    assert.equal(gets(), 4, "each read while Redis is dead asks Cloud Control");
    await write(gateway, "killed");
    assert.equal(await expressionRead(gateway), "killed");
    assert.ok(gateway.logger.lines.some((line) => /Redis .*failed/.test(line)), gateway.logger.lines.join("\n"));

    await redis.restart();
    await untilHit(gateway, emulator, "killed");
    assert.ok(gateway.logger.lines.some((line) => /Redis .*answers again/.test(line)), gateway.logger.lines.join("\n"));
    // And writes invalidate it as before the outage.
    await write(gateway, "after restart");
    const before = gets();
    assert.equal(await expressionRead(gateway), "after restart");
    assert.equal(gets(), before + 1);
    assert.equal(await expressionRead(gateway), "after restart");
    assert.equal(gets(), before + 1, "cached again");
  });

  it("paused: reads ask Cloud Control, a write returns; resumed with the old entry, it is never served", async () => {
    const { redis, emulator, gateway: start } = await setUp();
    const a = await start();
    const b = await start();
    const gets = () => emulator.stats().operations.GetResource.calls;
    emulator.resetStats();
    assert.equal(await expressionRead(a), "$context.status");
    assert.equal(await expressionRead(b), "$context.status");
    assert.equal(gets(), 1, "B's read is a hit on what A cached");

    // Reads first: the first one finds Redis silent and the cache stops asking it, so the write's
    // invalidation is never sent, and Redis will resume holding the old entry under the current version.
    redis.pause();
    for (let read = 0; read < 3; read += 1) assert.equal(await expressionRead(a), "$context.status");
    assert.equal(gets(), 4, "each read while Redis is paused asks Cloud Control");
    await write(a, "paused");
    for (let read = 0; read < 3; read += 1) assert.equal(await expressionRead(a), "paused");
    assert.equal(gets(), 7);

    redis.resume();
    // A never answers the old entry; once its invalidation is retried, nobody does, and A caches again.
    // (B, meanwhile, may answer the old entry, between the resume and A's retry.)
    await untilHit(a, emulator, "paused");
    assert.equal(await expressionRead(b), "paused", "A's retried invalidation reached Redis");

    // A write first this time: its invalidation is sent, and waits in the paused server's socket.
    redis.pause();
    await write(a, "paused again");
    assert.equal(await expressionRead(a), "paused again");
    redis.resume();
    await untilHit(a, emulator, "paused again");
    assert.equal(await expressionRead(b), "paused again");
  });
});
