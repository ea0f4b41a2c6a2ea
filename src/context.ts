// The per-request context: what resolvers may use. New loaders every request, so one caller's
// cached reads never answer another's; everything else is shared and stateless.
import { randomUUID } from "node:crypto";
import type { Principal } from "./auth/types.js";
import { DEFAULT_SCOPES } from "./auth/types.js";
import type { HeaderValues } from "./auth/credentials.js";
import type { RegionPolicy } from "./cloudcontrol/region.js";
import type { ResourceRequestModel } from "./cloudcontrol/resourceRequest.js";
import type { RouteResponseCloudControl } from "./cloudcontrol/routeResponseApi.js";
import type { WaitClock, WaitOptions } from "./cloudcontrol/waitForRequest.js";
import { systemClock, waitForRequest } from "./cloudcontrol/waitForRequest.js";
import type { CallBudget } from "./limits/callBudget.js";
import { createCallBudget, withCallBudget } from "./limits/callBudget.js";
import type { GatewayLoaders, LoaderBatchObserver } from "./loaders/index.js";
import { createLoaders } from "./loaders/index.js";
import { operationDeadline } from "./pacing/index.js";
import type { RequestProgressFeed } from "./subscriptions/requestProgress.js";
import { createRequestProgressFeed } from "./subscriptions/requestProgress.js";

export interface GatewayContext {
  readonly regions: RegionPolicy;
  /** Writes and listings; single reads go through `loaders`. */
  readonly cloudControl: RouteResponseCloudControl;
  readonly loaders: GatewayLoaders;
  /** Waits (per the WAIT_* settings) until the request is done or the limit passes; primes the request loader. */
  waitForRequest(request: ResourceRequestModel): Promise<ResourceRequestModel>;
  /** Aborts when the operation's time limit (OPERATION_TIMEOUT_MS) passes; unfinished Cloud Control calls then fail with UPSTREAM_TIMEOUT. */
  readonly signal?: AbortSignal;
  /** Live progress of requests (the subscription): one shared poller per request, for the whole gateway. */
  readonly requestProgress: RequestProgressFeed;
  /** Who is calling: authenticated before the context was made (anonymous with every scope when AUTH_MODE=off). */
  readonly principal: Principal;
  /** Correlates the logs, the metrics and INTERNAL_SERVER_ERROR answers of this request. */
  readonly requestId: string;
  /** The Cloud Control calls this request may still make (MAX_COST); `cloudControl` and the loaders spend it. */
  readonly callBudget: CallBudget;
}

/** What an adapter knows about the request it makes a context for. */
export interface ContextRequest {
  /** Lower-case header names. Credentials are read from here when no principal is given. */
  readonly headers?: HeaderValues;
  /** Set by adapters that authenticated already (node:http, before reading the body). */
  readonly principal?: Principal;
  readonly requestId?: string;
}

export interface ContextDependencies {
  regions: RegionPolicy;
  cloudControl: RouteResponseCloudControl;
  /** Cloud Control reads one GraphQL request runs at once. */
  maxConcurrency: number;
  wait: WaitOptions;
  clock?: WaitClock;
  /** OPERATION_TIMEOUT_MS: with `cloudControlFor`, each context's calls are bounded by this deadline. */
  operationTimeoutMs?: number;
  /** The facade bound to one operation's deadline (pacing waits and HTTP requests watch the signal). */
  cloudControlFor?: (signal: AbortSignal) => RouteResponseCloudControl;
  /** Shared by every context; by default one for this factory, polling with the `wait` delays. */
  requestProgress?: RequestProgressFeed;
  /**
   * Turns a request's headers into a principal or throws the refusal (UNAUTHENTICATED, HTTP 401).
   * Without it every request is anonymous with every scope, as with AUTH_MODE=off.
   */
  authenticate?: (headers: HeaderValues | undefined) => Promise<Principal>;
  /** MAX_COST: Cloud Control calls one request may make. Unbounded without it. */
  maxCloudControlCalls?: number;
  onLoaderBatch?: LoaderBatchObserver;
}

/** Without an authenticator (tests that build contexts directly): the default scope names, both. */
const ANYONE: Principal = { subject: "anonymous", via: "anonymous", scopes: new Set([DEFAULT_SCOPES.read, DEFAULT_SCOPES.write]) };

/** Thrown by a status poll when the budget is spent: the wait ends with the request as last seen. */
class BudgetSpent extends Error {}

export function createContextFactory(dependencies: ContextDependencies): (request?: ContextRequest) => Promise<GatewayContext> {
  const { regions, cloudControl, maxConcurrency, wait } = dependencies;
  const clock = dependencies.clock ?? systemClock;
  const requestProgress =
    dependencies.requestProgress ??
    createRequestProgressFeed({ poll: (region, token) => cloudControl.getRequestStatus(region, token), minDelayMs: wait.minDelayMs, maxDelayMs: wait.maxDelayMs });
  return async (request = {}) => {
    // Authentication comes first: a refused caller gets no deadline, loaders or budget.
    const principal = request.principal ?? (dependencies.authenticate ? await dependencies.authenticate(request.headers) : ANYONE);
    const { operationTimeoutMs, cloudControlFor } = dependencies;
    const signal = operationTimeoutMs === undefined ? undefined : operationDeadline(operationTimeoutMs);
    const startedAt = clock.now();
    const callBudget = createCallBudget(dependencies.maxCloudControlCalls ?? Number.POSITIVE_INFINITY);
    const bound = withCallBudget(signal === undefined || cloudControlFor === undefined ? cloudControl : cloudControlFor(signal), callBudget);
    const loaders = createLoaders(bound, maxConcurrency, dependencies.onLoaderBatch);
    return {
      regions,
      cloudControl: bound,
      loaders,
      signal,
      requestProgress,
      principal,
      requestId: request.requestId ?? randomUUID(),
      callBudget,
      async waitForRequest(request) {
        // Polls AWS directly: the loader would answer its cached (stale) status.
        // A wait never outlasts the operation: its polls would only fail with UPSTREAM_TIMEOUT.
        const left = operationTimeoutMs === undefined ? wait.timeoutMs : operationTimeoutMs - (clock.now() - startedAt);
        const bounded = { ...wait, timeoutMs: Math.max(0, Math.min(wait.timeoutMs, left)) };
        // Nor does it outspend the request's call budget: the write was accepted, so a wait that
        // runs out of calls answers the request as last seen, like one that runs out of time.
        let seen = request;
        const poll = async (latest: ResourceRequestModel) => {
          seen = latest;
          if (callBudget.remaining === 0) throw new BudgetSpent();
          return bound.getRequestStatus(latest.region, latest.requestToken);
        };
        const done = await waitForRequest(request, poll, bounded, clock).catch((error: unknown) => {
          if (error instanceof BudgetSpent) return seen;
          throw error;
        });
        const key = { region: done.region, requestToken: done.requestToken };
        loaders.resourceRequest.clear(key).prime(key, done);
        return done;
      },
    };
  };
}
