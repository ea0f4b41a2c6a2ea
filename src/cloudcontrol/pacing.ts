// Pacing of every Cloud Control attempt the process makes: a token bucket per region (Cloud Control
// throttles per account and region, at roughly 25-30 calls a second) and one cap on open calls for the
// whole process. It runs as SDK middleware right after the retry middleware, so each retry of a
// throttled call waits for a token like a first attempt does: retries never burst past the limit.
// Both queues serve callers' lanes round-robin; a call's lane comes with its abort signal (lanes.ts).
// With replicas sharing Redis, each region's tokens come from a bucket they all draw on (`shared`).
import type { FinalizeHandler, FinalizeHandlerArguments, FinalizeRequestMiddleware, HandlerExecutionContext, MetadataBearer, Pluggable } from "@smithy/types";
import { Semaphore, SharedTokenBucket, TokenBucket, laneOf } from "../pacing/index.js";
import type { RegionBucket } from "../pacing/index.js";
import { scopeOf } from "./callScope.js";

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

/** The token buckets shared by replicas (REDIS_URL), with the per-process fallback for when they cannot answer. */
export interface SharedPacing {
  /** Reserves the region's next shared token; resolves to the milliseconds until it is due (SharedRedis.reserveToken). */
  reserve(region: string, ratePerSecond: number, burst: number): Promise<number>;
  /** CLOUDCONTROL_REPLICAS: while the shared bucket cannot answer, each process paces at the rate divided by this. */
  replicas: number;
  /** Which bucket the region's last token came from (true: the shared one). */
  onSource?(region: string, shared: boolean): void;
}

export interface CloudControlPacer {
  /** The middleware for one region's client. */
  forRegion(region: string): Pluggable<object, MetadataBearer>;
  /** Attempts waiting for a slot or a token now (all regions). */
  readonly queued: number;
}

/** A region's bucket: the process's own, or the replicas' shared one with a local fallback of rate / replicas. */
function regionBucket(region: string, options: PacingOptions, shared: SharedPacing | undefined): RegionBucket {
  const { ratePerSecond, burst, now } = options;
  if (shared === undefined) return new TokenBucket({ ratePerSecond, burst, now });
  return new SharedTokenBucket({
    reserve: () => shared.reserve(region, ratePerSecond, burst),
    fallback: new TokenBucket({ ratePerSecond: ratePerSecond / shared.replicas, burst: Math.max(1, Math.floor(burst / shared.replicas)), now }),
    onSource: (fromShared) => shared.onSource?.(region, fromShared),
  });
}

/**
 * The call's signal: the gateway's calls carry it in their scope (callScope.ts); a caller that sends
 * with `send(command, { abortSignal })` has it in the smithy context.
 */
function signalOf(args: FinalizeHandlerArguments<object>, context: HandlerExecutionContext): AbortSignal | undefined {
  const scoped = scopeOf(args)?.signal;
  if (scoped !== undefined) return scoped;
  const signal = (context as { __smithy_context?: { abortSignal?: unknown } }).__smithy_context?.abortSignal;
  return signal instanceof AbortSignal ? signal : undefined;
}

export function createCloudControlPacer(options: PacingOptions, shared?: SharedPacing): CloudControlPacer {
  const inFlight = new Semaphore(options.maxInFlight);
  const buckets = new Map<string, RegionBucket>();
  const bucketFor = (region: string): RegionBucket => {
    let bucket = buckets.get(region);
    if (bucket === undefined) {
      bucket = regionBucket(region, options, shared);
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
          // Waiting for a slot or a token honours the call's signal too.
          const signal = signalOf(args, context);
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
