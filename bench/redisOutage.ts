// What a Redis outage costs the gateway's readers and writers: a real redis-server behind the cache
// (CACHE_TTL_MS, REDIS_URL), killed with SIGKILL, paused with SIGSTOP (then SIGCONT), and restarted
// empty, while one route response is read and written through the real gateway over loopback.
// Prints each phase's latencies and whether any read answered a value older than the last write.
// A process entry like bench/run.ts (not part of `npm run bench`; needs Debian's redis-server):
//   node dist/bench/redisOutage.js [--reads N]
import { freePort, startRedisServer, stop } from "./processes.js";
import { BENCH_API, BENCH_ROUTE, benchConfig, responseIdAt, startBenchEmulator, startBenchGateway } from "./servers.js";
import type { GraphQLResult } from "./servers.js";

const ID = responseIdAt(1);
const READ = `{ routeResponse(apiId: "${BENCH_API}", routeId: "${BENCH_ROUTE}", routeResponseId: "${ID}") { routeResponseKey } }`;
const UPDATE = (key: string) => `mutation {
  updateRouteResponse(input: { apiId: "${BENCH_API}", routeId: "${BENCH_ROUTE}", routeResponseId: "${ID}",
    patch: [{ op: REPLACE, path: "/RouteResponseKey", value: "${key}" }], wait: true }) { request { status } }
}`;
/** Longer than any bound the gateway has (OPERATION_TIMEOUT_MS is 60 s): a hung call shows as "gave up". */
const CLIENT_LIMIT_MS = 90_000;

interface Timed {
  ms: number;
  outcome: string;
}

async function timed(url: string, query: string, describe: (result: GraphQLResult) => string): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(CLIENT_LIMIT_MS),
    });
    const result = (await response.json()) as GraphQLResult;
    return { ms: performance.now() - started, outcome: describe(result) };
  } catch (error) {
    return { ms: performance.now() - started, outcome: `gave up (${(error as Error).name})` };
  }
}

const keyOf = (result: GraphQLResult): string => {
  if (result.errors !== undefined) return result.errors.map((error) => error.extensions?.code ?? error.message).join(",");
  return String((result.data?.routeResponse as { routeResponseKey?: string } | null)?.routeResponseKey);
};
const statusOf = (result: GraphQLResult): string =>
  result.errors?.map((error) => error.extensions?.code ?? error.message).join(",") ??
  String((result.data?.updateRouteResponse as { request: { status: string } }).request.status);

async function main(): Promise<void> {
  const index = process.argv.indexOf("--reads");
  const reads = index >= 0 ? Number(process.argv[index + 1]) : 3;
  if (!(Number.isInteger(reads) && reads >= 1 && reads <= 100)) throw new Error("--reads must be a whole number from 1 to 100.");
  const port = await freePort();
  let redis = await startRedisServer(port);
  const emulator = await startBenchEmulator(1);
  const gateway = await startBenchGateway(benchConfig(emulator, { cache: { ttlMs: 60_000, redisUrl: `redis://127.0.0.1:${port}` } }));
  let current = "key1";
  let written = 0;
  // Printed as they come: before the fix, an outage phase takes minutes.
  console.log("| phase | call | latency (ms, each) | answers |");
  console.log("|---|---|---|---|");
  const row = (cells: string[]) => console.log(`| ${cells.join(" | ")} |`);
  const readPhase = async (phase: string) => {
    const samples: Timed[] = [];
    for (let read = 0; read < reads; read += 1) samples.push(await timed(gateway.graphqlUrl, READ, keyOf));
    const stale = samples.filter((sample) => sample.outcome !== current).length;
    const ms = samples.map((sample) => sample.ms.toFixed(0)).join(", ");
    row([phase, `read x${reads}`, ms, stale === 0 ? `all "${current}"` : samples.map((sample) => sample.outcome).join(", ")]);
  };
  const writePhase = async (phase: string) => {
    written += 1;
    const next = `written${written}`;
    const sample = await timed(gateway.graphqlUrl, UPDATE(next), statusOf);
    if (sample.outcome === "SUCCESS") current = next;
    row([phase, "write", sample.ms.toFixed(0), sample.outcome]);
  };
  try {
    await readPhase("healthy (first read fills the cache)");
    redis.kill("SIGSTOP");
    await readPhase("paused (SIGSTOP)");
    await writePhase("paused (SIGSTOP)");
    await readPhase("paused, after the write");
    redis.kill("SIGCONT");
    await readPhase("resumed (SIGCONT)");
    redis.kill("SIGKILL");
    await new Promise((resolve) => redis.once("exit", resolve));
    await readPhase("killed (SIGKILL)");
    await writePhase("killed (SIGKILL)");
    await readPhase("killed, after the write");
    redis = await startRedisServer(port);
    await readPhase("restarted empty");
    // The client reconnects with a backoff of at most 2 s.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await readPhase("restarted empty, 3 s later");
    await writePhase("restarted empty");
    await readPhase("restarted, after the write");
    // The write is what finds Redis silent this time: its invalidation waits out the bound.
    redis.kill("SIGSTOP");
    await writePhase("paused again, write first");
    await readPhase("paused again, after the write");
    redis.kill("SIGCONT");
    await readPhase("resumed again");
  } finally {
    redis.kill("SIGCONT");
    await gateway.close();
    await stop(redis);
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
