// Subscription.resourceRequestProgress: adapts the shared request feed (subscriptions/) to GraphQL.
// The first event is awaited inside `subscribe`, so an unknown token fails the subscription with
// NOT_FOUND before any stream exists; a failure later in the stream becomes that event's error.
import type { SubscriptionResolvers } from "../../__generated__/resolvers-types.js";
import type { ResourceRequestModel } from "../../cloudcontrol/resourceRequest.js";
import type { GatewayContext } from "../../context.js";
import { ErrorCode, GatewayError } from "../../errors.js";
import type { RequestProgressEvent } from "../../subscriptions/requestProgress.js";
import { checkRequestToken } from "../tokens.js";

/** `first`, then the rest of `rest`; leaving (return) leaves `rest`, which stops its poller. */
function startingWith<T>(first: T, rest: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let pending: T | undefined = first;
  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (pending === undefined) return rest.next();
      const value = pending;
      pending = undefined;
      return Promise.resolve({ value, done: false });
    },
    return() {
      pending = undefined;
      return rest.return?.() ?? Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export const resourceRequestProgress: SubscriptionResolvers<GatewayContext>["resourceRequestProgress"] = {
  async subscribe(_parent, args, context) {
    const requestToken = checkRequestToken(args.requestToken);
    const region = context.regions.resolve(args.region);
    const events = context.requestProgress.follow(region, requestToken);
    const first = await events.next();
    if (first.done === true) return events;
    if (first.value.kind !== "state") {
      await events.return?.();
      if (first.value.kind === "error") throw first.value.error;
      throw new GatewayError(ErrorCode.NOT_FOUND, `No route response request ${requestToken} in ${region} (unknown, expired, or about another resource type).`);
    }
    return startingWith<RequestProgressEvent>(first.value, events);
  },
  resolve(event: RequestProgressEvent, _args: unknown, context: GatewayContext): ResourceRequestModel {
    if (event.kind === "error") throw event.error;
    if (event.kind === "not-found") throw new GatewayError(ErrorCode.NOT_FOUND, "The request is no longer known to Cloud Control.");
    // One context serves every event of a subscription: each event reads its route response afresh.
    context.loaders.routeResponse.clearAll();
    context.loaders.resourceRequest.clearAll();
    return event.request;
  },
};
