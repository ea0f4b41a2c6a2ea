// Polls GetResourceRequestStatus until a request is done or a deadline passes, whichever is first.
// Unlike the SDK's waitUntilResourceRequestSuccess, FAILED and CANCEL_COMPLETE are results, not
// errors (the gateway reports them as data), and reaching the deadline is not an error either: the
// caller gets the request as last seen, still running.
import type { GatewayError } from "../errors.js";
import { isTransient } from "./errors.js";
import type { ResourceRequestModel } from "./resourceRequest.js";
import { isDone } from "./resourceRequest.js";

export interface WaitOptions {
  /** How long to wait in total, from the call. */
  timeoutMs: number;
  /** The first delay between polls; it doubles up to maxDelayMs (Cloud Control writes take seconds). */
  minDelayMs: number;
  maxDelayMs: number;
}

export interface WaitClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: WaitClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The pause before the next status poll: the backoff (minDelayMs, doubling up to maxDelayMs), or
 * longer when Cloud Control's RetryAfter asks for it. Each call moves the backoff on; callers cap
 * the pause as they need (a deadline, the largest delay).
 */
export function createPollBackoff(options: Pick<WaitOptions, "minDelayMs" | "maxDelayMs">) {
  let delay = options.minDelayMs;
  return (latest: ResourceRequestModel | undefined, now: number): number => {
    const suggested = latest?.retryAfter ? latest.retryAfter.getTime() - now : 0;
    const pause = Math.max(delay, suggested);
    delay = Math.min(delay * 2, options.maxDelayMs);
    return pause;
  };
}

/** Reads the request's status now; null when Cloud Control does not (yet) know the token. */
export type PollRequest = (request: ResourceRequestModel) => Promise<ResourceRequestModel | null>;

export async function waitForRequest(
  first: ResourceRequestModel,
  poll: PollRequest,
  options: WaitOptions,
  clock: WaitClock = systemClock,
): Promise<ResourceRequestModel> {
  const deadline = clock.now() + options.timeoutMs;
  let latest = first;
  const nextPause = createPollBackoff(options);
  while (!isDone(latest.status)) {
    const now = clock.now();
    if (now >= deadline) break;
    // Never later than the deadline.
    await clock.sleep(Math.min(nextPause(latest, now), deadline - now));
    try {
      const current = await poll(latest);
      // A token Cloud Control does not know yet (eventual consistency) is polled again.
      if (current !== null) latest = current;
    } catch (error) {
      // Throttling and upstream hiccups while waiting do not fail a write that was accepted.
      if (!isTransient(error as GatewayError)) throw error;
    }
  }
  return mergeIdentifier(first, latest);
}

/** A create's first event has no Identifier and a later one has; never lose one that was known. */
function mergeIdentifier(first: ResourceRequestModel, latest: ResourceRequestModel): ResourceRequestModel {
  if (latest === first || latest.identifier !== null || first.identifier === null) return latest;
  return { ...latest, identifier: first.identifier };
}
