// The overhead benchmark (issue 12): what the gateway costs against what a user would write
// instead, in one run against the same upstream. Each server runs as its own child process
// (bench/naiveServer.ts, and the gateway as `node dist/src/index.js`), preloaded with
// bench/usageProbe.ts so its own CPU time and peak RSS can be read; the Cloud Control stand-in
// (bench/standIn.ts) runs in the benchmark process, autocannon in a process of its own.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Child, LoadResult } from "./processes.js";
import { loadTest, stop, tied, watchFor } from "./processes.js";
import type { StandIn } from "./standIn.js";
import { STAND_IN_ROUTE_RESPONSE, startStandIn } from "./standIn.js";
import type { ProcessUsage } from "./usageProbe.js";

export interface OverheadSizes {
  /** Each measured load. */
  durationSeconds: number;
  /** The load before it, not measured: the code compiled, the connections open. */
  warmSeconds: number;
  connections: number;
  /** Spawns of each server for the cold start. */
  coldStarts: number;
}

/** Another build of the gateway to measure side by side with this one (`--baseline`): its entry, `.../dist/src/index.js`. */
export interface OverheadOptions {
  baselineEntry?: string | undefined;
}

/** One server under one load. */
export interface LoadFigures extends LoadResult {
  /** The server's own CPU time (user + system) over the measured window, per answered request. */
  cpuMicrosPerRequest: number;
  /** The server process's peak RSS, start and warm-up included. */
  peakRssMb: number;
  /** GetResource calls the stand-in answered over the measured window. */
  upstreamCalls: number;
  /** Connections the server opened to the stand-in over the measured window. */
  upstreamConnections: number;
  requests: number;
}

/** The servers the benchmark compares; `baseline` is the gateway of another build, cache off. */
export type OverheadServer = "gateway" | "gateway, cache on" | "naive" | "bare" | "baseline";

/** The query every server but the bare one answers: one route response read. */
export const OVERHEAD_QUERY = (() => {
  const { apiId, routeId, routeResponseId } = STAND_IN_ROUTE_RESPONSE;
  return `{ r: routeResponse(apiId: "${apiId}", routeId: "${routeId}", routeResponseId: "${routeResponseId}") { routeResponseKey responseModels { contentType modelName } } }`;
})();
const BARE_QUERY = "{ hello }";

const dist = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const CREDENTIALS = { AWS_ACCESS_KEY_ID: "AKIDBENCHMARK", AWS_SECRET_ACCESS_KEY: "benchmark-secret" };

/**
 * How each server is started: the gateway as `npm start` runs it (its defaults, logs included; only
 * authentication off and pacing out of the way), the comparison servers from bench/naiveServer.ts.
 */
function command(server: OverheadServer, upstream: string, options: OverheadOptions = {}): { args: string[]; env: NodeJS.ProcessEnv; ready: RegExp } {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", AWS_REGION: "us-east-1", ...CREDENTIALS };
  if (server === "naive" || server === "bare") {
    // Apollo decides its production defaults from NODE_ENV; the gateway fixes them to production.
    return { args: [dist("./naiveServer.js"), server], env: { ...base, NODE_ENV: "production", CLOUDCONTROL_ENDPOINT: upstream }, ready: /listening on (http:\/\/127\.0\.0\.1:\d+\/)/ };
  }
  const env: NodeJS.ProcessEnv = {
    ...base,
    HOST: "127.0.0.1",
    PORT: "0",
    AUTH_MODE: "off",
    IDE: "off",
    AWS_ENDPOINT_URL_CLOUDCONTROL: upstream,
    CLOUDCONTROL_RATE_LIMIT: "10000",
    CLOUDCONTROL_RATE_BURST: "10000",
    ...(server === "gateway, cache on" ? { CACHE_TTL_MS: "60000" } : {}),
  };
  const entry = server === "baseline" ? options.baselineEntry : dist("../src/index.js");
  if (entry === undefined) throw new Error("The baseline needs the entry of another build (--baseline).");
  return { args: [entry], env, ready: /GraphQL gateway: (http:\/\/127\.0\.0\.1:\d+\/graphql)/ };
}

interface Running {
  url: string;
  usage(): Promise<ProcessUsage>;
  close(): Promise<void>;
}

async function startServer(server: OverheadServer, upstream: string, options: OverheadOptions): Promise<Running> {
  const { args, env, ready } = command(server, upstream, options);
  const child = spawn(process.execPath, ["--import", dist("./usageProbe.js"), ...args], { env, stdio: ["ignore", "pipe", "pipe", "ipc"] }) as ChildProcess as Child;
  tied(child);
  try {
    const url = await watchFor(child, ready, server);
    // The gateway logs each request: read and dropped, so the pipe never fills.
    child.stdout.resume();
    child.stderr.resume();
    return {
      url,
      usage: () =>
        new Promise<ProcessUsage>((resolve) => {
          (child as ChildProcess).once("message", (message) => resolve(message as ProcessUsage));
          (child as ChildProcess).send("usage");
        }),
      close: () => stop(child),
    };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

async function post(url: string, query: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Starts `server`, warms it with `warmSeconds` of the load, then measures `durationSeconds` of it. */
export async function measureLoad(server: OverheadServer, standIn: StandIn, sizes: OverheadSizes, options: OverheadOptions = {}): Promise<LoadFigures> {
  const running = await startServer(server, standIn.url, options);
  try {
    const query = server === "bare" ? BARE_QUERY : OVERHEAD_QUERY;
    const first = await post(running.url, query);
    if (first.errors !== undefined || first.data === undefined) throw new Error(`${server} did not answer the query: ${JSON.stringify(first)}`);
    const body = JSON.stringify({ query });
    if (sizes.warmSeconds > 0) await loadTest(running.url, body, sizes.connections, sizes.warmSeconds);
    standIn.resetCalls();
    const before = await running.usage();
    const load = await loadTest(running.url, body, sizes.connections, sizes.durationSeconds);
    const after = await running.usage();
    const cpuMicros = after.userMicros - before.userMicros + (after.systemMicros - before.systemMicros);
    return {
      ...load,
      cpuMicrosPerRequest: load.requests === 0 ? Number.NaN : cpuMicros / load.requests,
      peakRssMb: after.maxRssKb / 1024,
      upstreamCalls: standIn.calls,
      upstreamConnections: standIn.connections,
    };
  } finally {
    await running.close();
  }
}

/**
 * Milliseconds from spawning `server` to its first successful answer to the query: loading its code,
 * building the schema, listening, and the first Cloud Control call. No usage probe: nothing extra is loaded.
 */
export async function coldStart(server: "gateway" | "naive" | "baseline", standIn: StandIn, options: OverheadOptions = {}): Promise<number> {
  const { args, env, ready } = command(server, standIn.url, options);
  const started = performance.now();
  const child = tied(spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] }));
  try {
    const url = await watchFor(child, ready, server);
    child.stdout.resume();
    child.stderr.resume();
    const answer = await post(url, OVERHEAD_QUERY);
    if (answer.errors !== undefined || answer.data === undefined) throw new Error(`${server} did not answer the query: ${JSON.stringify(answer)}`);
    return performance.now() - started;
  } finally {
    await stop(child);
  }
}

/** One run of the whole comparison, loads side by side (each pair back to back), then the cold starts alternating. */
export interface OverheadRun {
  /** `baseline`: only with `--baseline`. */
  uncached: { gateway: LoadFigures; naive: LoadFigures; baseline?: LoadFigures };
  cached: { gateway: LoadFigures; bare: LoadFigures };
  coldStartMs: { gateway: number[]; naive: number[] };
}

export async function overheadRun(sizes: OverheadSizes, options: OverheadOptions = {}): Promise<OverheadRun> {
  const standIn = await startStandIn();
  try {
    const naive = await measureLoad("naive", standIn, sizes);
    const gateway = await measureLoad("gateway", standIn, sizes);
    const baseline = options.baselineEntry === undefined ? undefined : await measureLoad("baseline", standIn, sizes, options);
    const bare = await measureLoad("bare", standIn, sizes);
    const cachedGateway = await measureLoad("gateway, cache on", standIn, sizes);
    const coldStartMs = { gateway: [] as number[], naive: [] as number[] };
    for (let spawned = 0; spawned < sizes.coldStarts; spawned += 1) {
      coldStartMs.naive.push(await coldStart("naive", standIn));
      coldStartMs.gateway.push(await coldStart("gateway", standIn));
    }
    return { uncached: { gateway, naive, ...(baseline === undefined ? {} : { baseline }) }, cached: { gateway: cachedGateway, bare }, coldStartMs };
  } finally {
    await standIn.close();
  }
}
