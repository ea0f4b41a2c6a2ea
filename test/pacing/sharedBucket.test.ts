// The shared token bucket of replicas (REDIS_URL) on its own, against a real redis-server through the
// gateway's SharedRedis: the waiters' lanes are still served round-robin in front of the shared
// tokens, an aborted waiter leaves the queue, and with Redis unreachable every token comes from the
// fallback bucket, which stays a bucket (a frozen clock: after its burst, nothing more goes).
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import { SharedTokenBucket, TokenBucket } from "../../src/pacing/index.js";
import { createSharedRedis } from "../../src/replicas/index.js";
import type { SharedRedis } from "../../src/replicas/index.js";
import { redisInstalled, startRedis } from "../support/redis.js";

const skip = redisInstalled() ? false : "redis-server is not installed (.ci/run installs Debian's redis-server)";

function sharedRedis(url: string): SharedRedis {
  const redis = createSharedRedis({ url, timeoutMs: 500, onError: () => {}, onRecovered: () => {} });
  after(() => redis.close());
  return redis;
}

/** A bucket whose clock never moves: it grants its burst and then nothing. */
const frozenBucket = (burst: number) => new TokenBucket({ ratePerSecond: 1, burst, now: () => 0 });

describe("SharedTokenBucket", { skip, timeout: 30_000 }, () => {
  it("serves the lanes round-robin, each token reserved in Redis, and drops an aborted waiter", async () => {
    const redis = await startRedis();
    assert.ok(redis);
    const shared = sharedRedis(redis.url);
    const sources: boolean[] = [];
    const bucket = new SharedTokenBucket({
      reserve: () => shared.reserveToken("test-lanes", 20, 1),
      fallback: frozenBucket(1),
      onSource: (fromShared) => sources.push(fromShared),
    });
    const order: string[] = [];
    const take = (lane: string, name: string, signal?: AbortSignal) => bucket.take(signal, lane).then(() => order.push(name));
    const gone = new AbortController();
    const taken = [take("flood", "f1"), take("flood", "f2"), take("flood", "f3"), take("flood", "f4"), take("other", "o1")];
    const aborted = take("other", "o2", gone.signal);
    gone.abort(new Error("deadline"));
    await assert.rejects(aborted, /deadline/);
    await Promise.all(taken);
    // f1 was being served when the rest queued; then the lanes alternate.
    assert.deepEqual(order, ["f1", "f2", "o1", "f3", "f4"]);
    assert.deepEqual(sources, [true, true, true, true, true], "every token came from Redis");
    assert.equal(bucket.waiting, 0);
  });

  it("with Redis unreachable, takes the fallback's tokens, and no more than it has", async () => {
    // A port nothing listens on: the connection is refused at once.
    const shared = sharedRedis("redis://127.0.0.1:1");
    const sources: boolean[] = [];
    const bucket = new SharedTokenBucket({ reserve: () => shared.reserveToken("test-fallback", 20, 5), fallback: frozenBucket(2), onSource: (fromShared) => sources.push(fromShared) });
    await bucket.take();
    await bucket.take();
    const stop = new AbortController();
    let third = false;
    const pending = bucket.take(stop.signal).then(() => (third = true));
    // The third reservation fails as the first two did, then waits on the empty fallback.
    for (let turn = 0; turn < 100 && sources.length < 3; turn += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(sources, [false, false, false]);
    assert.equal(third, false, "the fallback bucket is empty and its clock frozen: nothing goes");
    stop.abort(new Error("stopped"));
    await assert.rejects(pending, /stopped/);
  });

  it("switching from the shared bucket to the fallback adds no burst: the fallback starts empty", async () => {
    // No Redis needed: the reservation answers once, then fails as an unreachable Redis does.
    let reservations = 0;
    const bucket = new SharedTokenBucket({
      reserve: async () => {
        reservations += 1;
        if (reservations === 1) return 0;
        throw new Error("Redis is gone");
      },
      fallback: frozenBucket(3),
    });
    await bucket.take();
    // Its clock frozen, the drained fallback never refills: the next token never comes.
    const waiting = new AbortController();
    const next = bucket.take(waiting.signal);
    let granted = false;
    next.then(
      () => (granted = true),
      () => {},
    );
    for (let turn = 0; turn < 100 && reservations < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(reservations, 2, "the second take found Redis gone");
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(granted, false, "the fallback's burst was spent at the switch");
    waiting.abort(new Error("no token"));
    await assert.rejects(next, /no token/);
  });
});

