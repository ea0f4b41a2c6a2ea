// The benchmarks of issue 6 (the overhead benchmark of issue 12 is in overhead.ts). Each starts what it measures on loopback (emulator, gateway,
// comparison server), runs it, and returns figures; nothing here asserts. `SMOKE` sizes run in the test
// suite (call counts only), `FULL` sizes are what `npm run bench` reports.
import type { ConfigOverrides, ResolvedGatewayConfig } from "../src/config.js";
import type { OverheadSizes } from "./overhead.js";
import type { BenchEmulator } from "./processes.js";
import type { BenchServer, GraphQLResult } from "./servers.js";
import { BENCH_API, BENCH_ROUTE, GRAPH_API, benchConfig, post, responseIdAt, startBenchEmulator, startBenchGateway, startGraphEmulator, startNaiveServer } from "./servers.js";

export interface BenchSizes {
  batching: { aliases: number; distinct: number; latencyMs: number };
  fanout: { reads: number; queries: number; emulatorRateLimit: number; latencyMs: number };
  overhead: OverheadSizes;
  /** `routes` routes of one API (at most 100: one page of the connection), naming `models` models; `pageSize` items per ListResources page. */
  graph: { routes: number; models: number; pageSize: number; latencyMs: number };
}

export const FULL: BenchSizes = {
  batching: { aliases: 100, distinct: 50, latencyMs: 50 },
  fanout: { reads: 300, queries: 10, emulatorRateLimit: 30, latencyMs: 50 },
  overhead: { durationSeconds: 5, warmSeconds: 2, connections: 10, coldStarts: 5 },
  graph: { routes: 100, models: 10, pageSize: 25, latencyMs: 50 },
};

export const SMOKE: BenchSizes = {
  batching: { aliases: 10, distinct: 5, latencyMs: 5 },
  fanout: { reads: 10, queries: 2, emulatorRateLimit: 30, latencyMs: 0 },
  overhead: { durationSeconds: 0.3, warmSeconds: 0, connections: 2, coldStarts: 1 },
  graph: { routes: 26, models: 2, pageSize: 25, latencyMs: 0 },
};

/** Pacing out of the way, for figures about batching and overhead rather than about the rate limit. */
const UNPACED: ConfigOverrides<ResolvedGatewayConfig> = { cloudControl: { pacing: { ratePerSecond: 10_000, burst: 10_000 } } };

/** One measured run of one variant. */
export interface Sample {
  wallMs: number;
  calls: number;
  getResource: number;
  listResources: number;
  throttled: number;
  failedFields: number;
  /** The graph only: routes answered with their route response's model. */
  items?: number;
}

const failedFields = (result: GraphQLResult): number => result.errors?.length ?? 0;

type Outcome = Pick<Sample, "failedFields" | "items">;

async function measured(emulator: BenchEmulator, run: () => Promise<Outcome>): Promise<Sample> {
  await emulator.resetStats();
  const started = performance.now();
  const outcome = await run();
  const wallMs = performance.now() - started;
  const stats = await emulator.stats();
  return {
    wallMs,
    calls: stats.total,
    getResource: stats.operations.GetResource.calls,
    listResources: stats.operations.ListResources.calls,
    throttled: stats.throttled,
    ...outcome,
  };
}

/**
 * Starts a server, warms it (the SDK client, its credentials and its first connection are made on the
 * first call: one read before measuring), lets `settleMs` pass, and measures.
 */
async function withServer<T>(
  start: Promise<BenchServer>,
  use: (server: BenchServer) => Promise<T>,
  { settleMs = 0, warmQuery = `{ ${routeResponseField("warm", 1)} }` } = {},
): Promise<T> {
  const server = await start;
  try {
    await post(server.graphqlUrl, warmQuery);
    if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
    return await use(server);
  } finally {
    await server.close();
  }
}

function routeResponseField(alias: string, index: number): string {
  return `${alias}: routeResponse(apiId: "${BENCH_API}", routeId: "${BENCH_ROUTE}", routeResponseId: "${responseIdAt(index)}") { routeResponseKey responseModels { contentType modelName } }`;
}

/** 1. One query of `aliases` aliases over `distinct` route responses: calls and wall time. */
export async function batching(sizes: BenchSizes["batching"]): Promise<Record<string, Sample>> {
  const emulator = await startBenchEmulator(sizes.distinct);
  try {
    await emulator.setFaults({ latencyMs: sizes.latencyMs });
    const fields = Array.from({ length: sizes.aliases }, (_, i) => routeResponseField(`a${i}`, (i % sizes.distinct) + 1));
    const query = `{ ${fields.join("\n")} }`;
    const once = (server: BenchServer) => measured(emulator, async () => ({ failedFields: failedFields(await post(server.graphqlUrl, query)) }));
    // Warmed with the query itself: every pooled connection open and the code compiled, as in a gateway
    // that has been serving for a while. Nothing else carries over (no cache; loaders are per request).
    // The pause lets the paced variant's bucket fill up again.
    const warm = { warmQuery: query, settleMs: 1100 };
    return {
      gateway: await withServer(startBenchGateway(benchConfig(emulator, UNPACED)), once, warm),
      "gateway, default pacing (25/s)": await withServer(startBenchGateway(benchConfig(emulator)), once, warm),
      "naive resolvers, no DataLoader": await withServer(startNaiveServer(benchConfig(emulator, UNPACED)), once, warm),
    };
  } finally {
    await emulator.close();
  }
}

/** 2. `reads` distinct reads across `queries` concurrent queries, against an emulator that throttles. */
export async function fanout(sizes: BenchSizes["fanout"]): Promise<Record<string, Sample>> {
  const emulator = await startBenchEmulator(sizes.reads);
  try {
    await emulator.setFaults({ latencyMs: sizes.latencyMs, rateLimitPerSecond: sizes.emulatorRateLimit });
    const perQuery = Math.ceil(sizes.reads / sizes.queries);
    const queries = Array.from({ length: sizes.queries }, (_, q) => {
      const indexes = Array.from({ length: perQuery }, (_, i) => q * perQuery + i + 1).filter((index) => index <= sizes.reads);
      return `{ ${indexes.map((index) => routeResponseField(`r${index}`, index)).join("\n")} }`;
    });
    const once = (server: BenchServer) =>
      measured(emulator, async () => {
        const results = await Promise.all(queries.map((query) => post(server.graphqlUrl, query)));
        return { failedFields: results.reduce((sum, result) => sum + failedFields(result), 0) };
      });
    // A quiet second before measuring: the emulator's window forgets the warm-up and earlier variants.
    const paced = await withServer(startBenchGateway(benchConfig(emulator)), once, { settleMs: 1100 });
    const unpaced = await withServer(startBenchGateway(benchConfig(emulator, UNPACED)), once, { settleMs: 1100 });
    return { "gateway, default pacing (25/s, burst 5)": paced, "gateway, no client pacing (SDK retries only)": unpaced };
  } finally {
    await emulator.close();
  }
}

/** The graph query: every route of the API with its route response and that response's model, and the API's models. */
export function graphQuery(first: number, models: number): string {
  return `{ api(apiId: "${GRAPH_API}") {
    name
    routes(first: ${first}) { nodes { routeKey twoWay routeResponse { routeResponseKey responseModels { contentType modelName model { name schema } } } } }
    models(first: ${Math.min(Math.max(models, 1), 100)}) { nodes { name contentType } }
  } }`;
}

interface GraphRoute {
  routeResponse: { responseModels: Array<{ modelName: string; model: { name: string } | null }> } | null;
}

/** Routes whose route response's model came back, named as the route response names it. */
function routesWithTheirModel(result: GraphQLResult): number {
  const routes = ((result.data?.api ?? null) as { routes: { nodes: Array<GraphRoute | null> } } | null)?.routes.nodes ?? [];
  return routes.filter((route) => route?.routeResponse?.responseModels.some((entry) => entry.model?.name === entry.modelName) === true).length;
}

/**
 * 4. The graph: one query reading `routes` two-way routes of an API, each route's `$default` route
 * response and the model it names, against a faithful emulator (no lenient option).
 */
export async function graph(sizes: BenchSizes["graph"]): Promise<Record<string, Sample>> {
  const emulator = await startGraphEmulator(sizes.routes, sizes.models, sizes.pageSize);
  try {
    await emulator.setFaults({ latencyMs: sizes.latencyMs });
    const query = graphQuery(sizes.routes, sizes.models);
    const once = (server: BenchServer) =>
      measured(emulator, async () => {
        const result = await post(server.graphqlUrl, query);
        return { failedFields: failedFields(result), items: routesWithTheirModel(result) };
      });
    // Warmed with the same query over a few routes (the paced variant would take seconds over all of
    // them); the pause fills the paced variant's bucket again. Loaders are per request: nothing carries over.
    const warm = { warmQuery: graphQuery(Math.min(sizes.routes, 10), sizes.models), settleMs: 1100 };
    // The query's cost estimate (340 calls over 100 routes) is above MAX_COST's default of 250.
    const allowed: ConfigOverrides<ResolvedGatewayConfig> = { limits: { maxCost: 1000 } };
    return {
      gateway: await withServer(startBenchGateway(benchConfig(emulator, { ...UNPACED, ...allowed })), once, warm),
      "gateway, default pacing (25/s)": await withServer(startBenchGateway(benchConfig(emulator, allowed)), once, warm),
      "naive resolvers, no DataLoader": await withServer(startNaiveServer(benchConfig(emulator, UNPACED)), once, warm),
    };
  } finally {
    await emulator.close();
  }
}
