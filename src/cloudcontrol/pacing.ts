// Pacing of every Cloud Control attempt the process makes: a token bucket per region (Cloud Control
// throttles per account and region, at roughly 25-30 calls a second) and one cap on open calls for the
// whole process. It runs as SDK middleware right after the retry middleware, so each retry of a
// throttled call waits for a token like a first attempt does: retries never burst past the limit.
// Both queues serve callers' lanes round-robin; a call's lane comes with its abort signal (lanes.ts).
import type { FinalizeHandler, FinalizeHandlerArguments, FinalizeRequestMiddleware, HandlerExecutionContext, MetadataBearer, Pluggable } from "@smithy/types";
import { Semaphore, TokenBucket, laneOf } from "../pacing/index.js";

export interface PacingOptions {
  /** Calls per second per region, attempts counted one by one. */
  ratePerSecond: number;
  /** Calls a region may make at once after a quiet spell. */
  burst: number;
  /** Calls open at once, all regions together. */
  maxInFlight: number;
  /** The buckets' clock in milliseconds; injectable for tests. */
  now?: () => number;
}

export interface CloudControlPacer {
  /** The middleware for one region's client. */
  forRegion(region: string): Pluggable<object, MetadataBearer>;
  /** Attempts waiting for a slot or a token now (all regions). */
  readonly queued: number;
}

/** `send(command, { abortSignal })` puts the signal in the smithy context; waiting honours it too. */
function abortSignalOf(context: HandlerExecutionContext): AbortSignal | undefined {
  const smithy = (context as { __smithy_context?: { abortSignal?: unknown } }).__smithy_context;
  const signal = smithy?.abortSignal;
  return signal instanceof AbortSignal ? signal : undefined;
}

export function createCloudControlPacer(options: PacingOptions): CloudControlPacer {
  const inFlight = new Semaphore(options.maxInFlight);
  const buckets = new Map<string, TokenBucket>();
  const bucketFor = (region: string): TokenBucket => {
    let bucket = buckets.get(region);
    if (bucket === undefined) {
      bucket = new TokenBucket({ ratePerSecond: options.ratePerSecond, burst: options.burst, now: options.now });
      buckets.set(region, bucket);
    }
    return bucket;
  };

  return {
    get queued() {
      let queued = inFlight.waiting;
      for (const bucket of buckets.values()) queued += bucket.waiting;
      return queued;
    },
    forRegion(region) {
      const bucket = bucketFor(region);
      const paced: FinalizeRequestMiddleware<object, MetadataBearer> =
        (next: FinalizeHandler<object, MetadataBearer>, context) => (args: FinalizeHandlerArguments<object>) => {
          const signal = abortSignalOf(context);
          const lane = laneOf(signal);
          // A slot first, then a token: a token taken while waiting for a slot would let calls bunch up
          // when slots free together, bursting past the rate.
          return inFlight.run(async () => {
            await bucket.take(signal, lane);
            return next(args);
          }, signal, lane);
        };
      return {
        applyToStack(stack) {
          stack.addRelativeTo(paced, { relation: "after", toMiddleware: "retryMiddleware", name: "cloudControlPacing", override: true });
        },
      };
    },
  };
}
