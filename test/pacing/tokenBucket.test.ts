import { describe, it } from "node:test";
import { strict as assert } from "node:assert";
import { Semaphore, TokenBucket } from "../../src/pacing/index.js";

describe("TokenBucket", () => {
  it("lets a burst through at once, queues the rest, and serves the queue in order", async () => {
    const bucket = new TokenBucket({ ratePerSecond: 200, burst: 5 });
    const order: number[] = [];
    const takes = Array.from({ length: 8 }, (_, i) => bucket.take().then(() => order.push(i)));
    await Promise.resolve();
    // The burst has gone through; the other three wait for tokens instead of failing.
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.equal(bucket.waiting, 3);
    await Promise.all(takes);
    assert.deepEqual(order, [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.equal(bucket.waiting, 0);
  });

  it("lets a waiter leave the queue when its signal aborts", async () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 });
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    assert.equal(bucket.waiting, 1);
    controller.abort(new Error("deadline"));
    await assert.rejects(waiting, /deadline/);
    assert.equal(bucket.waiting, 0);
  });

  it("refuses nonsense settings", () => {
    assert.throws(() => new TokenBucket({ ratePerSecond: 0, burst: 1 }), /ratePerSecond must be above 0/);
    assert.throws(() => new TokenBucket({ ratePerSecond: 1, burst: 0.5 }), /burst must be a whole number/);
  });
});

describe("Semaphore", () => {
  it("runs at most `limit` tasks at once", async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        semaphore.run(async () => {
          peak = Math.max(peak, ++active);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active--;
        }),
      ),
    );
    assert.equal(peak, 3);
  });

  it("states its contract when misused", () => {
    assert.throws(() => new Semaphore(0), /at least 1/);
    assert.throws(() => new Semaphore(1.5), /integer/);
  });

  it("releases its slot when a task fails", async () => {
    const semaphore = new Semaphore(1);
    await assert.rejects(semaphore.run(async () => Promise.reject(new Error("x"))));
    assert.equal(await semaphore.run(async () => 42), 42);
    assert.equal(semaphore.running, 0);
  });
});
