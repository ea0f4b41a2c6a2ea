// Live progress of Cloud Control requests for any number of followers: ONE poller per
// (region, requestToken), however many subscribers follow it, so ten browser tabs watching one
// update cost Cloud Control what one does. The poller is reference-counted: it starts with the
// first follower and stops when the request is done or the last follower leaves. Its polls wait in
// a lane of the pacer's queues of their own (the starting follower's), apart from that caller's
// queries. Transport- and GraphQL-free; the subscription resolver adapts it.
import type { GatewayError } from "../errors.js";
import { isTransient } from "../cloudcontrol/errors.js";
import type { ResourceRequestModel } from "../cloudcontrol/resourceRequest.js";
import { isDone } from "../cloudcontrol/resourceRequest.js";
import { createPollBackoff } from "../cloudcontrol/waitForRequest.js";
import { assignLane } from "../pacing/lanes.js";

/**
 * Reads a request's status now; null when Cloud Control does not know the token. `signal` aborts when
 * the poller stops, and carries the poller's lane (pacing/lanes.ts) when it was started with one.
 */
export type PollRequestStatus = (region: string, requestToken: string, signal: AbortSignal) => Promise<ResourceRequestModel | null>;

export interface RequestProgressOptions {
  poll: PollRequestStatus;
  /** The delay after the first poll; it doubles up to maxDelayMs (the WAIT_POLL_* settings). */
  minDelayMs: number;
  maxDelayMs: number;
  /** Tests count and pace polls through this; by default setTimeout. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** What a follower sees: each distinct state, in order; a failure ends the stream. */
export type RequestProgressEvent = { kind: "state"; request: ResourceRequestModel } | { kind: "not-found" } | { kind: "error"; error: unknown };

export interface RequestProgressFeed {
  /**
   * Follows one request: the first event is its current state (or `not-found`), then one event per
   * change, ending after a done state (SUCCESS, FAILED, CANCEL_COMPLETE), `not-found` or `error`.
   * `return()` on the iterator leaves at once, even while a poll is pending. `lane`: the pacer's lane
   * of the polls when this follower starts the poller; followers that join later share its polls.
   */
  follow(region: string, requestToken: string, lane?: string): AsyncIterableIterator<RequestProgressEvent>;
  /** Pollers running now (one per followed request). */
  readonly activePollers: number;
  /** Stops every poller and ends every follower's stream. */
  close(): void;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

function getValidDelays(options: RequestProgressOptions): void {
  const { minDelayMs, maxDelayMs } = options;
  if (!Number.isFinite(minDelayMs) || minDelayMs <= 0 || !Number.isFinite(maxDelayMs) || maxDelayMs < minDelayMs) {
    throw new TypeError(`RequestProgressOptions needs 0 < minDelayMs <= maxDelayMs, got ${minDelayMs} and ${maxDelayMs}.`);
  }
}

/** What a follower would notice; eventTime and retryAfter move on every poll and are not changes. */
function sameState(a: ResourceRequestModel, b: ResourceRequestModel): boolean {
  return a.status === b.status && a.identifier === b.identifier && a.statusMessage === b.statusMessage && a.errorCode === b.errorCode;
}

/** One follower's queue: events wait here until its consumer asks for them. */
class Follower implements AsyncIterableIterator<RequestProgressEvent> {
  private readonly queue: RequestProgressEvent[] = [];
  private waiting: ((result: IteratorResult<RequestProgressEvent>) => void) | undefined;
  private ended = false;

  constructor(private readonly leave: (follower: Follower) => void) {}

  push(event: RequestProgressEvent): void {
    if (this.ended) return;
    if (this.waiting !== undefined) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: event, done: false });
    } else {
      this.queue.push(event);
    }
  }

  /** No more events after those queued. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waiting !== undefined && this.queue.length === 0) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<RequestProgressEvent>> {
    const event = this.queue.shift();
    if (event !== undefined) return Promise.resolve({ value: event, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<RequestProgressEvent>> {
    this.queue.length = 0;
    this.end();
    this.leave(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<RequestProgressEvent> {
    return this;
  }
}

interface Poller {
  followers: Set<Follower>;
  /** The last event, replayed to a follower that joins late. */
  latest: RequestProgressEvent | undefined;
  stop: AbortController;
}

export function createRequestProgressFeed(options: RequestProgressOptions): RequestProgressFeed {
  getValidDelays(options);
  const sleep = options.sleep ?? abortableSleep;
  const pollers = new Map<string, Poller>();

  function broadcast(poller: Poller, event: RequestProgressEvent, final: boolean): void {
    poller.latest = event;
    for (const follower of poller.followers) {
      follower.push(event);
      if (final) follower.end();
    }
  }

  async function run(key: string, poller: Poller, region: string, requestToken: string): Promise<void> {
    const { signal } = poller.stop;
    const nextPause = createPollBackoff(options);
    let last: ResourceRequestModel | undefined;
    try {
      for (let first = true; !signal.aborted; first = false) {
        if (!first) {
          // A follower never waits longer than the largest delay, whatever RetryAfter says.
          await sleep(Math.min(nextPause(last, Date.now()), options.maxDelayMs), signal);
          if (signal.aborted) return;
        }
        let current: ResourceRequestModel | null;
        try {
          current = await options.poll(region, requestToken, signal);
        } catch (error) {
          // Throttling and upstream hiccups do not end a follow: the next poll may work.
          if (isTransient(error as GatewayError)) continue;
          broadcast(poller, { kind: "error", error }, true);
          return;
        }
        if (signal.aborted) return;
        if (current === null) {
          // Unknown at the start: nothing to follow. Unknown later (Cloud Control's eventual
          // consistency right after a write): keep the last state and look again.
          if (last === undefined) {
            broadcast(poller, { kind: "not-found" }, true);
            return;
          }
          continue;
        }
        const changed = last === undefined || !sameState(last, current);
        last = current;
        if (changed) broadcast(poller, { kind: "state", request: current }, isDone(current.status));
        if (isDone(current.status)) return;
      }
    } finally {
      if (pollers.get(key) === poller) pollers.delete(key);
    }
  }

  return {
    follow(region, requestToken, lane) {
      const key = `${region}\u0000${requestToken}`;
      let poller = pollers.get(key);
      const starting = poller === undefined;
      if (poller === undefined) {
        poller = { followers: new Set(), latest: undefined, stop: new AbortController() };
        if (lane !== undefined) assignLane(poller.stop.signal, lane);
        pollers.set(key, poller);
      }
      const owner = poller;
      const follower = new Follower((leaving) => {
        owner.followers.delete(leaving);
        if (owner.followers.size === 0) {
          owner.stop.abort();
          if (pollers.get(key) === owner) pollers.delete(key);
        }
      });
      owner.followers.add(follower);
      if (owner.latest !== undefined) follower.push(owner.latest);
      if (starting) void run(key, owner, region, requestToken);
      return follower;
    },
    get activePollers() {
      return pollers.size;
    },
    close() {
      for (const poller of pollers.values()) {
        poller.stop.abort();
        for (const follower of poller.followers) follower.end();
      }
      pollers.clear();
    },
  };
}
