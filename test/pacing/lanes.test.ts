// Fair shares of the pacer's queues: the token bucket and the in-flight semaphore serve their waiting
// lanes round-robin, one waiter per lane per turn, and an aborted waiter leaves its lane. The bucket's
// clock is injected and moved by hand: tokens appear only when the test says so.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { TestContext } from "node:test";
import { isAwsRegion } from "../../src/cloudcontrol/awsRegions.js";
import { createRegionPolicy } from "../../src/cloudcontrol/region.js";
import { createCloudControlFacade } from "../../src/cloudcontrol/facade.js";
import { createContextFactory } from "../../src/context.js";
import { createCallBudget } from "../../src/limits/callBudget.js";
import { DEFAULT_LANE, Semaphore, TokenBucket, assignLane, laneOf, principalLane } from "../../src/pacing/index.js";
import { createOperationSignals } from "../../src/shutdown.js";
import { createRequestProgressFeed } from "../../src/subscriptions/index.js";
import { gatewayClients, startTestEmulator } from "../support/emulator.js";

const emulator = await startTestEmulator({ seed: "demo" });

/** Lets timers of a few milliseconds fire and promise callbacks run, until `done` holds (bounded). */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  assert.ok(done(), `gave up waiting: ${what}`);
}

/**
 * A bucket of `rate` tokens a second whose clock only moves with `advance(tokens)`, emptied of its
 * burst. Takes made with `signal` leave when the test ends, so a failed test leaves no timer behind.
 */
async function frozenBucket(t: TestContext) {
  const stop = new AbortController();
  t.after(() => stop.abort(new Error("test over")));
  let now = 0;
  const rate = 1000;
  const burst = 10;
  const bucket = new TokenBucket({ ratePerSecond: rate, burst, now: () => now });
  for (let i = 0; i < burst; i++) await bucket.take();
  return {
    bucket,
    signal: stop.signal,
    /** Exactly `tokens` new tokens at the bucket's next look. */
    advance: (tokens: number) => {
      now += (tokens * 1000) / rate;
    },
  };
}

describe("lanes of the token bucket", () => {
  it("gives each token to the next waiting lane in turn, in arrival order within a lane", async (t) => {
    const { bucket, advance, signal } = await frozenBucket(t);
    const order: string[] = [];
    const take = (lane: string, name: string) => bucket.take(signal, lane).then(() => order.push(name));
    // A floods first; B and C arrive behind the whole flood.
    const takes = [take("A", "a1"), take("A", "a2"), take("A", "a3"), take("A", "a4"), take("B", "b1"), take("B", "b2"), take("C", "c1")];
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(order, [], "no token without the clock moving");
    assert.equal(bucket.waiting, 7);
    advance(3);
    await until(() => order.length === 3, "three tokens");
    // One turn: one waiter of each lane, lanes in the order they started waiting.
    assert.deepEqual(order, ["a1", "b1", "c1"]);
    advance(4);
    await Promise.all(takes);
    assert.deepEqual(order, ["a1", "b1", "c1", "a2", "b2", "a3", "a4"]);
    assert.equal(bucket.waiting, 0);
  });

  it("serves waiters that name no lane in one shared default lane, first come first served", async (t) => {
    const { bucket, advance, signal } = await frozenBucket(t);
    const order: string[] = [];
    const takes = [
      bucket.take(signal).then(() => order.push("x1")),
      bucket.take(signal, "A").then(() => order.push("a1")),
      bucket.take(signal, DEFAULT_LANE).then(() => order.push("x2")),
      bucket.take(signal).then(() => order.push("x3")),
    ];
    advance(4);
    await Promise.all(takes);
    assert.deepEqual(order, ["x1", "a1", "x2", "x3"]);
  });

  it("takes an aborted waiter out of its lane: the others keep their turns, a lane left empty drops out", async (t) => {
    const { bucket, advance, signal } = await frozenBucket(t);
    const order: string[] = [];
    const b = new AbortController();
    const takes = [
      bucket.take(signal, "A").then(() => order.push("a1")),
      bucket.take(signal, "A").then(() => order.push("a2")),
    ];
    const bWaiting = bucket.take(b.signal, "B");
    const c1 = bucket.take(signal, "C").then(() => order.push("c1"));
    assert.equal(bucket.waiting, 4);
    b.abort(new Error("deadline"));
    await assert.rejects(bWaiting, /deadline/);
    assert.equal(bucket.waiting, 3);
    advance(3);
    await Promise.all([...takes, c1]);
    assert.deepEqual(order, ["a1", "c1", "a2"]);
  });
});

describe("lanes of the in-flight semaphore", () => {
  /** A semaphore of one slot, held until `release()`. */
  async function heldSemaphore() {
    const semaphore = new Semaphore(1);
    let release = () => {};
    const holding = semaphore.run(() => new Promise<void>((resolve) => (release = resolve)));
    await Promise.resolve();
    return { semaphore, release: () => release(), holding };
  }

  it("hands a freed slot to the next waiting lane in turn", async () => {
    const { semaphore, release, holding } = await heldSemaphore();
    const order: string[] = [];
    const run = (lane: string, name: string) => semaphore.run(async () => void order.push(name), undefined, lane);
    const runs = [run("A", "a1"), run("A", "a2"), run("A", "a3"), run("B", "b1"), run("C", "c1"), run("B", "b2")];
    assert.equal(semaphore.waiting, 6);
    release();
    await Promise.all([holding, ...runs]);
    assert.deepEqual(order, ["a1", "b1", "c1", "a2", "b2", "a3"]);
    assert.equal(semaphore.running, 0);
  });

  it("takes an aborted waiter out of its lane, which never runs its task", async () => {
    const { semaphore, release, holding } = await heldSemaphore();
    const order: string[] = [];
    const b = new AbortController();
    const a1 = semaphore.run(async () => void order.push("a1"), undefined, "A");
    const b1 = semaphore.run(async () => void order.push("b1"), b.signal, "B");
    const a2 = semaphore.run(async () => void order.push("a2"), undefined, "A");
    b.abort(new Error("deadline"));
    await assert.rejects(b1, /deadline/);
    assert.equal(semaphore.waiting, 2);
    release();
    await Promise.all([holding, a1, a2]);
    assert.deepEqual(order, ["a1", "a2"]);
    assert.equal(semaphore.running, 0);
  });
});

describe("carrying a lane to the pacer", () => {
  it("goes with the operation's signal; a signal without one is in the default lane", () => {
    assert.equal(laneOf(undefined), DEFAULT_LANE);
    assert.equal(laneOf(new AbortController().signal), DEFAULT_LANE);
    const operationSignal = createOperationSignals(undefined);
    assert.equal(laneOf(operationSignal(60_000)?.signal), DEFAULT_LANE);
    assert.equal(laneOf(operationSignal(60_000, "api-key:apikey:reader")?.signal), "api-key:apikey:reader");
    const signal = new AbortController().signal;
    assert.equal(assignLane(signal, "x"), signal);
    assert.equal(laneOf(signal), "x");
  });

  it("gives each request's calls its principal's lane, and its subscriptions' polls a lane of their own", async () => {
    const clients = gatewayClients(emulator);
    // The facade bound to a signal, as server.ts builds it; the test notes each signal's lane.
    const lanesSeen: string[] = [];
    const cloudControlFor = (signal: AbortSignal) => {
      lanesSeen.push(laneOf(signal));
      return createCloudControlFacade(clients, { signal });
    };
    const createContext = createContextFactory({
      regions: createRegionPolicy({ defaultRegion: "us-east-1", isKnownRegion: isAwsRegion }),
      cloudControl: createCloudControlFacade(clients),
      cloudControlFor,
      operationTimeoutMs: 60_000,
      maxConcurrency: 10,
      wait: { timeoutMs: 1000, minDelayMs: 10, maxDelayMs: 20 },
    });
    const reader = { subject: "apikey:reader", via: "api-key", scopes: new Set<string>() } as const;
    const writer = { subject: "apikey:writer", via: "api-key", scopes: new Set<string>() } as const;
    const contextOf = (principal: typeof reader | typeof writer) =>
      createContext({ principal, requestId: `req-${principal.subject}`, door: "http" }, createCallBudget(100), () => true);
    const readerContext = contextOf(reader);
    const writerContext = contextOf(writer);
    assert.equal(laneOf(readerContext.signal), principalLane(reader));
    assert.equal(laneOf(writerContext.signal), "api-key:apikey:writer");
    assert.deepEqual(lanesSeen, ["api-key:apikey:reader", "api-key:apikey:writer"]);
    // A subscription the reader starts polls in the reader's subscriptions lane (unknown token: one poll).
    const events = readerContext.requestProgress.follow("us-east-1", "no-such-token");
    assert.equal((await events.next()).value?.kind, "not-found");
    assert.deepEqual(lanesSeen.slice(2), ["subscriptions:api-key:apikey:reader"]);
    assert.equal(emulator.stats().operations.GetResourceRequestStatus.calls, 1);
    readerContext.requestProgress.close();
  });

  it("polls with a signal that aborts when the poller stops", async () => {
    const signals: AbortSignal[] = [];
    const feed = createRequestProgressFeed({
      minDelayMs: 10,
      maxDelayMs: 10,
      poll: (_region, _token, signal) => {
        signals.push(signal);
        // Never answers on its own: like a poll queued in the pacer, it ends with its signal.
        return new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true }));
      },
    });
    const events = feed.follow("us-east-1", "pending", "subscriptions:api-key:apikey:reader");
    await until(() => signals.length === 1, "the first poll");
    assert.equal(laneOf(signals[0]), "subscriptions:api-key:apikey:reader");
    assert.equal(signals[0]?.aborted, false);
    await events.return?.();
    assert.equal(signals[0]?.aborted, true, "the last follower left: the queued poll is let go");
    assert.equal(feed.activePollers, 0);
  });
});
