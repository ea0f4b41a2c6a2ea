// Which lane of the pacer's queues a Cloud Control call waits in. The lane travels with the call's
// AbortSignal: the one thing every call already carries from the GraphQL operation (its deadline,
// OPERATION_TIMEOUT_MS) down to the SDK middleware that paces it. A WeakMap, so a finished
// operation's signal and its lane go away together.
import { DEFAULT_LANE } from "./laneQueue.js";

const lanes = new WeakMap<AbortSignal, string>();

/** Calls made with `signal` wait in `lane` from now on. Returns the signal. */
export function assignLane(signal: AbortSignal, lane: string): AbortSignal {
  lanes.set(signal, lane);
  return signal;
}

/** The lane of calls made with `signal`: the one assigned to it, else the shared default lane. */
export function laneOf(signal: AbortSignal | undefined): string {
  return (signal === undefined ? undefined : lanes.get(signal)) ?? DEFAULT_LANE;
}

/** Who is calling, as far as lanes care (the auth layer's Principal fits). */
export interface LaneOwner {
  readonly subject: string;
  readonly via: string;
}

/** One lane per caller: an API key, a token's subject, or (authentication off) a client address. */
export function principalLane(principal: LaneOwner): string {
  return `${principal.via}:${principal.subject}`;
}

/** The lane of the status polls of subscriptions that `principal` started, apart from its own calls. */
export function subscriptionLane(principal: LaneOwner): string {
  return `subscriptions:${principalLane(principal)}`;
}
