// The shared poller behind the subscription, with a scripted Cloud Control and a sleep the test
// releases by hand: every poll is counted, and nothing depends on the clock.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { OperationStatus, ResourceRequestModel } from "../../src/cloudcontrol/resourceRequest.js";
import { ErrorCode, GatewayError } from "../../src/errors.js";
import type { RequestProgressEvent } from "../../src/subscriptions/index.js";
import { createRequestProgressFeed } from "../../src/subscriptions/index.js";

function request(status: OperationStatus, extra: Partial<ResourceRequestModel> = {}): ResourceRequestModel {
  return {
    region: "us-east-1",
    typeName: "AWS::ApiGatewayV2::RouteResponse",
    requestToken: "tok-1",
    operation: "UPDATE",
    status,
    identifier: "a|r|rr",
    statusMessage: null,
    errorCode: null,
    eventTime: new Date(),
    retryAfter: null,
    resourceModel: null,
    ...extra,
  };
}

type Answer = ResourceRequestModel | null | Error;

/** A feed whose polls answer `answers` in turn (the last one repeats) and whose sleeps wait for `wake()`. */
function scriptedFeed(answers: Answer[]) {
  const polls: string[] = [];
  const sleeps: number[] = [];
  let wakers: Array<{ wake: () => void; woken: boolean }> = [];
  const feed = createRequestProgressFeed({
    minDelayMs: 100,
    maxDelayMs: 400,
    poll: async (region, token) => {
      polls.push(`${region}/${token}`);
      const answer = answers[Math.min(polls.length - 1, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return answer ?? null;
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        const waker = { woken: false, wake: () => ((waker.woken = true), resolve()) };
        wakers.push(waker);
        signal.addEventListener("abort", waker.wake, { once: true });
      }),
  });
  /** Lets every sleeping poller poll once more, and lets the poll's answer travel. */
  async function wake(): Promise<void> {
    await settle();
    const now = wakers;
    wakers = [];
    for (const waker of now) waker.wake();
    await settle();
  }
  return { feed, polls, sleeps, wake, sleeping: () => wakers.filter((waker) => !waker.woken).length };
}

/** Lets resolved promises run their continuations (no timers involved). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
}

const statusOf = (event: RequestProgressEvent | undefined) => (event?.kind === "state" ? event.request.status : event?.kind);

async function drain(events: AsyncIterableIterator<RequestProgressEvent>, limit = 20): Promise<Array<string | undefined>> {
  const seen: Array<string | undefined> = [];
  for (let index = 0; index < limit; index += 1) {
    const next = await events.next();
    if (next.done === true) return seen;
    seen.push(statusOf(next.value));
  }
  assert.fail(`more than ${limit} events`);
}

describe("the request progress feed", () => {
  it("polls once per request for any number of followers, and replays the last state to late joiners", async () => {
    const { feed, polls, wake } = scriptedFeed([request("IN_PROGRESS"), request("IN_PROGRESS"), request("SUCCESS")]);
    const first = feed.follow("us-east-1", "tok-1");
    const second = feed.follow("us-east-1", "tok-1");
    assert.deepEqual(await first.next(), { value: { kind: "state", request: (await second.next()).value.request }, done: false });
    assert.equal(polls.length, 1);
    const late = feed.follow("us-east-1", "tok-1");
    assert.equal(statusOf((await late.next()).value), "IN_PROGRESS");
    assert.equal(polls.length, 1, "a late joiner gets the last state without a poll");
    assert.equal(feed.activePollers, 1);
    await wake(); // IN_PROGRESS again: no event
    await wake(); // SUCCESS
    assert.deepEqual(await Promise.all([drain(first), drain(second), drain(late)]), [["SUCCESS"], ["SUCCESS"], ["SUCCESS"]]);
    assert.equal(polls.length, 3);
    assert.equal(feed.activePollers, 0, "a done request's poller stops");
  });

  it("backs off from minDelayMs, doubling up to maxDelayMs", async () => {
    const { feed, sleeps, wake } = scriptedFeed([request("IN_PROGRESS")]);
    const events = feed.follow("us-east-1", "tok-1");
    await events.next();
    for (let index = 0; index < 4; index += 1) await wake();
    assert.deepEqual(sleeps, [100, 200, 400, 400, 400]);
    await events.return?.();
  });

  it("stops polling when the last follower leaves, even while asleep, and starts afresh for a new one", async () => {
    const { feed, polls, wake, sleeping } = scriptedFeed([request("IN_PROGRESS")]);
    const first = feed.follow("us-east-1", "tok-1");
    const second = feed.follow("us-east-1", "tok-1");
    await first.next();
    await second.next();
    const pending = first.next();
    await first.return?.();
    assert.deepEqual(await pending, { value: undefined, done: true }, "return() ends a pending next()");
    assert.equal(feed.activePollers, 1, "one follower is left");
    await second.return?.();
    assert.equal(feed.activePollers, 0);
    await settle();
    assert.equal(sleeping(), 0, "the sleeping poller was woken and stopped");
    await wake();
    assert.equal(polls.length, 1, "no poll after the last follower left");
    const third = feed.follow("us-east-1", "tok-1");
    assert.equal(statusOf((await third.next()).value), "IN_PROGRESS");
    assert.equal(polls.length, 2, "a new follower gets a new poller");
    await third.return?.();
  });

  it("keeps requests apart by region and token", async () => {
    const { feed, polls } = scriptedFeed([request("IN_PROGRESS")]);
    const streams = [feed.follow("us-east-1", "tok-1"), feed.follow("eu-west-1", "tok-1"), feed.follow("us-east-1", "tok-2"), feed.follow("us-east-1", "tok-1")];
    await Promise.all(streams.map((stream) => stream.next()));
    assert.deepEqual(polls.sort(), ["eu-west-1/tok-1", "us-east-1/tok-1", "us-east-1/tok-2"]);
    assert.equal(feed.activePollers, 3);
    feed.close();
    assert.equal(feed.activePollers, 0);
    for (const stream of streams) assert.deepEqual(await stream.next(), { value: undefined, done: true });
  });

  it("emits a change of statusMessage or identifier, not a repeated state", async () => {
    const { feed, wake } = scriptedFeed([
      request("IN_PROGRESS", { identifier: null }),
      request("IN_PROGRESS", { identifier: null }),
      request("IN_PROGRESS", { identifier: "a|r|new" }),
      request("FAILED", { errorCode: "NotFound", statusMessage: "gone" }),
    ]);
    const events = feed.follow("us-east-1", "tok-1");
    const seen = drain(events);
    for (let index = 0; index < 3; index += 1) await wake();
    assert.deepEqual(await seen, ["IN_PROGRESS", "IN_PROGRESS", "FAILED"]);
  });

  it("says not-found for an unknown token, retries transient failures, and ends on others", async () => {
    const unknown = scriptedFeed([null]);
    assert.deepEqual(await drain(unknown.feed.follow("us-east-1", "nope")), ["not-found"]);

    const throttled = scriptedFeed([new GatewayError(ErrorCode.THROTTLED, "slow down"), request("SUCCESS")]);
    const events = throttled.feed.follow("us-east-1", "tok-1");
    const seen = drain(events);
    await throttled.wake();
    assert.deepEqual(await seen, ["SUCCESS"]);
    assert.equal(throttled.polls.length, 2);

    const forbidden = scriptedFeed([request("IN_PROGRESS"), new GatewayError(ErrorCode.FORBIDDEN, "no")]);
    const ended = forbidden.feed.follow("us-east-1", "tok-1");
    const endedSeen = drain(ended);
    await forbidden.wake();
    assert.deepEqual(await endedSeen, ["IN_PROGRESS", "error"]);
    assert.equal(forbidden.feed.activePollers, 0);
  });

  it("refuses delays that cannot back off", () => {
    assert.throws(() => createRequestProgressFeed({ poll: async () => null, minDelayMs: 0, maxDelayMs: 10 }), /0 < minDelayMs <= maxDelayMs/);
    assert.throws(() => createRequestProgressFeed({ poll: async () => null, minDelayMs: 50, maxDelayMs: 10 }), /0 < minDelayMs <= maxDelayMs/);
  });
});
