// The per-request context: what resolvers may use. New loaders every request, so one caller's
// cached reads never answer another's; everything else is shared and stateless.
import type { Principal } from "./auth/types.js";
import { ErrorCode, GatewayError, operatorProblemOf } from "./errors.js";
import type { RegionPolicy } from "./cloudcontrol/region.js";
import type { ResourceRequestModel } from "./cloudcontrol/resourceRequest.js";
import type { CloudControlFacade } from "./cloudcontrol/facade.js";
import type { WaitClock, WaitOptions } from "./cloudcontrol/waitForRequest.js";
import { systemClock, waitForRequest } from "./cloudcontrol/waitForRequest.js";
import type { CallBudget } from "./limits/callBudget.js";
import { withCallBudget } from "./limits/callBudget.js";
import type { GatewayLoaders, LoaderBatchObserver } from "./loaders/index.js";
import { createLoaders } from "./loaders/index.js";
import type { ResourceModel } from "./resourceTypes/index.js";
import { principalLane, subscriptionLane, untilAborted } from "./pacing/index.js";
import { createOperationSignals } from "./shutdown.js";
import type { RequestProgressEvent, RequestProgressFeed } from "./subscriptions/requestProgress.js";
import { createRequestProgressFeed } from "./subscriptions/requestProgress.js";

export interface GatewayContext {
  readonly regions: RegionPolicy;
  /** Writes and listings; single reads go through `loaders`. */
  readonly cloudControl: CloudControlFacade;
  readonly loaders: GatewayLoaders;
  /** Waits (per the WAIT_* settings) until the request is done or the limit passes; primes the request loader. */
  waitForRequest(request: ResourceRequestModel): Promise<ResourceRequestModel>;
  /**
   * Aborts when the operation's time limit (OPERATION_TIMEOUT_MS) passes or the gateway shuts down;
   * unfinished Cloud Control calls then fail with UPSTREAM_TIMEOUT, or WRITE_OUTCOME_UNKNOWN for a
   * write that may have been sent, and a wait answers the request as last seen.
   */
  readonly signal?: AbortSignal;
  /** Live progress of requests (the subscription): one shared poller per request, for the whole gateway. */
  readonly requestProgress: RequestProgressFeed;
  /** Who is calling: authenticated before the context was made (anonymous with every scope when AUTH_MODE=off). */
  readonly principal: Principal;
  /** How the operation reached the gateway (logged with it). */
  readonly door: Door;
  /** Correlates the logs, the metrics and INTERNAL_SERVER_ERROR answers of this request. */
  readonly requestId: string;
  /** The Cloud Control calls this request may still make (MAX_COST); `cloudControl` and the loaders spend it. */
  readonly callBudget: CallBudget;
  /**
   * What an operator must act on (errors.ts operatorProblemOf: AWS credentials that cannot be
   * loaded), noted here whenever one of this operation's Cloud Control calls or followed requests
   * fails with it: the pipeline's record logs them, whatever the door.
   */
  readonly operatorProblems: ReadonlySet<string>;
  /** What the gateway's cache (CACHE_TTL_MS) holds for a route response, with no Cloud Control call; null when nothing. */
  cachedRouteResponse(region: string, identifier: string): Promise<ResourceModel | null>;
  /**
   * The operation is over (the pipeline's last step calls it): its signal stops waiting for the
   * deadline, so nothing of a finished operation is held until then.
   */
  end(): void;
}

export interface ContextDependencies {
  regions: RegionPolicy;
  cloudControl: CloudControlFacade;
  /** Cloud Control reads one GraphQL request runs at once. */
  maxConcurrency: number;
  wait: WaitOptions;
  clock?: WaitClock;
  /** OPERATION_TIMEOUT_MS: with `cloudControlFor`, each context's calls are bounded by this deadline. */
  operationTimeoutMs?: number;
  /** The facade bound to one operation's signal (pacing waits and HTTP requests watch it). */
  cloudControlFor?: (signal: AbortSignal) => CloudControlFacade;
  /**
   * The gateway's shutdown (createShutdown in shutdown.ts), for every operation: combined with each
   * one's deadline, so aborting it ends every Cloud Control call in flight at once, and each write
   * that may have been sent answers WRITE_OUTCOME_UNKNOWN with its clientToken while connections are
   * still open.
   */
  shutdown?: AbortSignal;
  /** Shared by every context; by default one for this factory, polling with the `wait` delays. */
  requestProgress?: RequestProgressFeed;
  onLoaderBatch?: LoaderBatchObserver;
  /** Reads the gateway's route response cache without calling Cloud Control (GatewayCache.peek); none by default. */
  cachedRouteResponse?: (region: string, identifier: string) => Promise<ResourceModel | null>;
}

/** Thrown by a status poll when the budget is spent or the operation ended: the wait ends with the request as last seen. */
class StopWaiting extends Error {}

/** How an operation reached the gateway: logged with it. */
export type Door = "http" | "websocket" | "lambda" | "sse" | "multipart";

/** Who the context is for: what the pipeline's first step established. */
export interface ContextCaller {
  readonly principal: Principal;
  readonly requestId: string;
  readonly door: Door;
}

/**
 * Makes contexts for the operation pipeline (src/pipeline/), which alone calls it: it hands each
 * context a call budget that stays closed until the operation passed every check, and says whether
 * it did (the progress feed stays closed until then too).
 */
export type ContextFactory = (caller: ContextCaller, callBudget: CallBudget, isAdmitted: () => boolean) => GatewayContext;

/** Notes what an operator must act on in an error, if anything. */
type ProblemNote = (error: unknown) => void;

function problemNote(problems: Set<string>): ProblemNote {
  return (error) => {
    const problem = operatorProblemOf(error);
    if (problem !== undefined) problems.add(problem);
  };
}

/**
 * A followed request's events, noting the operator's problem of the failure that ends them (the
 * shared poller polls outside the facade). By hand, not a generator: a generator would hold a
 * follower's return() until the next event, and keep the poller running after the last one left.
 */
function notingFailure(events: AsyncIterableIterator<RequestProgressEvent>, note: ProblemNote): AsyncIterableIterator<RequestProgressEvent> {
  const noted: AsyncIterableIterator<RequestProgressEvent> = {
    async next() {
      const result = await events.next();
      if (result.done !== true && result.value.kind === "error") note(result.value.error);
      return result;
    },
    return: async (value?: unknown) => (events.return === undefined ? { done: true, value: undefined } : events.return(value)),
    [Symbol.asyncIterator]: () => noted,
  };
  return noted;
}

export function createContextFactory(dependencies: ContextDependencies): ContextFactory {
  const { regions, cloudControl, maxConcurrency, wait } = dependencies;
  const clock = dependencies.clock ?? systemClock;
  const operationSignal = createOperationSignals(dependencies.shutdown);
  const requestProgress =
    dependencies.requestProgress ??
    createRequestProgressFeed({
      // Bound to the poller's signal: a poll stops with its poller, and waits in the poller's lane.
      poll: (region, token, signal) => (dependencies.cloudControlFor?.(signal) ?? cloudControl).getRequestStatus(region, token),
      minDelayMs: wait.minDelayMs,
      maxDelayMs: wait.maxDelayMs,
    });
  return (caller, callBudget, isAdmitted) => {
    const { operationTimeoutMs, cloudControlFor } = dependencies;
    // The signal carries the caller's lane of the pacer's queues: one caller's flood waits behind its own calls.
    const operation = operationSignal(operationTimeoutMs, principalLane(caller.principal));
    const signal = operation?.signal;
    const startedAt = clock.now();
    const operatorProblems = new Set<string>();
    const note = problemNote(operatorProblems);
    // Every call spends from the budget, and a failed one notes the operator's problem (loaders and waits use it too).
    const bound = withCallBudget(signal === undefined || cloudControlFor === undefined ? cloudControl : cloudControlFor(signal), callBudget, note);
    const loaders = createLoaders(bound, maxConcurrency, dependencies.onLoaderBatch);
    return {
      regions,
      cloudControl: bound,
      loaders,
      signal,
      // The feed polls outside the call budget, so it is closed by hand until the pipeline admits the operation.
      requestProgress: {
        follow(region, requestToken) {
          if (!isAdmitted()) throw new GatewayError(ErrorCode.INTERNAL_SERVER_ERROR, "A subscription was followed for an operation the pipeline did not admit.");
          // A poller this caller starts polls in a lane of its own, apart from the caller's queries.
          return notingFailure(requestProgress.follow(region, requestToken, subscriptionLane(caller.principal)), note);
        },
        get activePollers() {
          return requestProgress.activePollers;
        },
        close: () => requestProgress.close(),
      },
      principal: caller.principal,
      requestId: caller.requestId,
      door: caller.door,
      callBudget,
      operatorProblems,
      cachedRouteResponse: dependencies.cachedRouteResponse ?? (async () => null),
      end: () => operation?.end(),
      async waitForRequest(request) {
        // Polls AWS directly: the loader would answer its cached (stale) status.
        // A wait never outlasts the operation: its polls would only fail with UPSTREAM_TIMEOUT.
        const left = operationTimeoutMs === undefined ? wait.timeoutMs : operationTimeoutMs - (clock.now() - startedAt);
        const bounded = { ...wait, timeoutMs: Math.max(0, Math.min(wait.timeoutMs, left)) };
        // Nor does it outspend the request's call budget, or outlive the operation's signal (the
        // shutdown): the write was accepted, so a wait that runs out of calls or is stopped answers
        // the request as last seen, like one that runs out of time.
        let seen = request;
        const poll = async (latest: ResourceRequestModel) => {
          seen = latest;
          if (callBudget.remaining === 0 || signal?.aborted) throw new StopWaiting();
          return bound.getRequestStatus(latest.region, latest.requestToken);
        };
        const done = await untilAborted(waitForRequest(request, poll, bounded, clock), signal).catch((error: unknown) => {
          if (error instanceof StopWaiting || signal?.aborted) return seen;
          throw error;
        });
        const key = { region: done.region, requestToken: done.requestToken };
        loaders.resourceRequest.clear(key).prime(key, done);
        return done;
      },
    };
  };
}
