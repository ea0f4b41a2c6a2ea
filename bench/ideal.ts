// The yardstick of the graph benchmark: the fewest Cloud Control calls its query needs, with what
// each waits for, and the shortest schedule of those calls under the gateway's limits (a per-request
// concurrency, a token bucket, a fixed latency per call). Computed here, not measured, so the gateway
// is compared with what any server of the same SDL could do at best.

/** One Cloud Control call of the ideal plan, and the calls whose answers it needs. */
export interface PlannedCall {
  operation: "GetResource" | "ListResources";
  /** Indexes of earlier calls of the plan. */
  after: readonly number[];
}

export interface GraphShape {
  routes: number;
  models: number;
  /** Items per ListResources page (Cloud Control chooses; the emulator is told). */
  pageSize: number;
  /** The `first` of the routes' connection: its pages are read until it holds that many. */
  first: number;
}

/**
 * The calls of the graph query (`graphQuery` in scenarios.ts) at the least: the API read once (its
 * `name` is selected); the routes' listing page after page; the API's models listed once and each
 * read once (their `name` and `schema` are selected, and a route response names a model by name);
 * per route, one GetResource (`routeKey`, `twoWay`), one listing of its route responses and one
 * GetResource of its `$default` route response (`routeResponseKey`, `responseModels`).
 *
 * `itemsAfterOwnPage`: whether a route's calls may start once the page listing it is read (a lower
 * bound no GraphQL server can reach, since a connection resolves as a whole) or only once the whole
 * connection is (the query's own dependency levels).
 */
export function graphPlan(shape: GraphShape, itemsAfterOwnPage = false): PlannedCall[] {
  const calls: PlannedCall[] = [{ operation: "GetResource", after: [] }];
  const add = (operation: PlannedCall["operation"], after: readonly number[]): number => calls.push({ operation, after }) - 1;
  const listed = Math.min(shape.routes, shape.first);
  const routePages: number[] = [];
  for (let read = 0; routePages.length === 0 || read < listed; read += shape.pageSize) routePages.push(add("ListResources", [routePages.at(-1) ?? 0]));
  const modelPages: number[] = [];
  for (let read = 0; modelPages.length === 0 || read < shape.models; read += shape.pageSize) modelPages.push(add("ListResources", [modelPages.at(-1) ?? 0]));
  for (let model = 0; model < shape.models; model += 1) add("GetResource", [modelPages[Math.floor(model / shape.pageSize)] as number]);
  for (let route = 0; route < listed; route += 1) {
    const page = routePages[itemsAfterOwnPage ? Math.floor(route / shape.pageSize) : routePages.length - 1] as number;
    add("GetResource", [page]);
    add("GetResource", [add("ListResources", [page])]);
  }
  return calls;
}

export function countCalls(plan: readonly PlannedCall[]): { getResource: number; listResources: number; total: number } {
  const getResource = plan.filter((call) => call.operation === "GetResource").length;
  return { getResource, listResources: plan.length - getResource, total: plan.length };
}

export interface ScheduleLimits {
  /** Calls in flight at once (CLOUDCONTROL_MAX_CONCURRENCY). */
  concurrency: number;
  latencyMs: number;
  /** The token bucket (CLOUDCONTROL_RATE_LIMIT, CLOUDCONTROL_RATE_BURST), full at the start; none when absent. */
  pacing?: { ratePerSecond: number; burst: number };
}

/**
 * The wall time of the plan, list-scheduled: whenever a slot and a token are free, the ready call
 * with the longest chain of calls after it starts. For these plans (a chain of pages, then wide
 * levels) that is the shortest schedule within a fraction of one call's latency.
 */
export function idealScheduleMs(plan: readonly PlannedCall[], limits: ScheduleLimits): number {
  const waiting = plan.map((call) => call.after.length);
  const next: number[][] = plan.map(() => []);
  plan.forEach((call, index) => call.after.forEach((before) => next[before]?.push(index)));
  // Calls only wait for earlier ones, so one pass from the end gives each call's chain length.
  const chain: number[] = new Array<number>(plan.length).fill(1);
  for (let index = plan.length - 1; index >= 0; index -= 1) {
    for (const after of next[index] ?? []) chain[index] = Math.max(chain[index] as number, 1 + (chain[after] as number));
  }
  const ready = plan.flatMap((_, index) => (waiting[index] === 0 ? [index] : []));
  const running: Array<{ index: number; endMs: number }> = [];
  const { pacing } = limits;
  let tokens = pacing?.burst ?? Number.POSITIVE_INFINITY;
  let now = 0;
  let done = 0;
  const advance = (to: number) => {
    if (pacing !== undefined) tokens = Math.min(pacing.burst, tokens + ((to - now) * pacing.ratePerSecond) / 1000);
    now = to;
  };
  const EPSILON = 1e-9;
  while (done < plan.length) {
    ready.sort((a, b) => (chain[b] as number) - (chain[a] as number) || a - b);
    while (ready.length > 0 && running.length < limits.concurrency && tokens >= 1 - EPSILON) {
      running.push({ index: ready.shift() as number, endMs: now + limits.latencyMs });
      tokens -= 1;
    }
    let until = Math.min(...running.map((call) => call.endMs));
    if (pacing !== undefined && ready.length > 0 && running.length < limits.concurrency && tokens < 1 - EPSILON) {
      until = Math.min(until, now + ((1 - tokens) * 1000) / pacing.ratePerSecond);
    }
    if (!Number.isFinite(until)) throw new Error("the plan cannot finish: a call waits for itself");
    advance(until);
    for (let i = running.length - 1; i >= 0; i -= 1) {
      const call = running[i] as { index: number; endMs: number };
      if (call.endMs > now + EPSILON) continue;
      running.splice(i, 1);
      done += 1;
      for (const after of next[call.index] ?? []) {
        waiting[after] = (waiting[after] as number) - 1;
        if (waiting[after] === 0) ready.push(after);
      }
    }
  }
  return now;
}
