// How long one caller's single read waits while another caller floods the pacer, in the flood's calls
// and in milliseconds: the caller in a lane of its own (the pacer's queues serve lanes round-robin)
// against the caller sharing the flooder's lane, which is what every caller got before lanes: one
// lane is served first come first served, exactly the old process-wide FIFO. A process entry.
//   node dist/bench/fairShare.js [--runs N]
import { performance } from "node:perf_hooks";
import { DEFAULT_SCOPES, hashApiKey } from "../src/auth/index.js";
import { loadConfig } from "../src/config.js";
import { benchConfig, BENCH_API, BENCH_ROUTE, responseIdAt, startBenchEmulator, startBenchGateway } from "./servers.js";

const FLOODER_KEY = "bench-flooder-key";
const READER_KEY = "bench-reader-key";
/** The flood: this many concurrent queries of READS_PER_QUERY distinct reads (10: CLOUDCONTROL_MAX_CONCURRENCY's default). */
const FLOOD_QUERIES = 20;
const READS_PER_QUERY = 10;
const LATENCY_MS = 50;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function readMany(from: number, count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `r${from + i}: routeResponse(apiId: "${BENCH_API}", routeId: "${BENCH_ROUTE}", routeResponseId: "${responseIdAt(from + i)}") { routeResponseKey }`,
  );
  return `{ ${fields.join("\n")} }`;
}

async function post(url: string, key: string, query: string): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-api-key": key }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (response.status !== 200 || body.errors !== undefined) throw new Error(`query failed (${response.status}): ${JSON.stringify(body.errors)}`);
}

interface Wait {
  /** The flood's calls the emulator answered between the read's start and its answer (the read's own not counted). */
  calls: number;
  ms: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const runs = Number(option("--runs") ?? 3);
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20)) throw new Error("--runs must be a whole number from 1 to 20.");
  const flood = FLOOD_QUERIES * READS_PER_QUERY;
  const emulator = await startBenchEmulator(flood + 1);
  const auth = loadConfig({
    AUTH_API_KEYS: JSON.stringify([
      { name: "flooder", hash: hashApiKey(FLOODER_KEY), scopes: [DEFAULT_SCOPES.read] },
      { name: "reader", hash: hashApiKey(READER_KEY), scopes: [DEFAULT_SCOPES.read] },
    ]),
  }).auth;
  // The default pacing: 25 calls a second, burst 5, 50 calls in flight.
  const config = benchConfig(emulator, { auth });
  const gateway = await startBenchGateway(config);
  const results: Record<"own" | "shared", Wait[]> = { own: [], shared: [] };
  try {
    await emulator.setFaults({ latencyMs: LATENCY_MS, rateLimitPerSecond: null, injectedErrors: [] });
    for (let run = 1; run <= runs; run += 1) {
      for (const lane of ["own", "shared"] as const) {
        console.error(`run ${run} of ${runs}: the reader in ${lane === "own" ? "its own lane" : "the flooder's lane"}`);
        await emulator.resetStats();
        const floodDone = Promise.all(
          Array.from({ length: FLOOD_QUERIES }, (_, q) => post(gateway.graphqlUrl, FLOODER_KEY, readMany(1 + q * READS_PER_QUERY, READS_PER_QUERY))),
        );
        // Until the flood is queued: its burst has gone through and the bucket is rate-bound.
        while ((await emulator.stats()).operations.GetResource.calls < 10) await new Promise((resolve) => setTimeout(resolve, 10));
        const before = (await emulator.stats()).operations.GetResource.calls;
        const startedAt = performance.now();
        await post(gateway.graphqlUrl, lane === "own" ? READER_KEY : FLOODER_KEY, readMany(flood + 1, 1));
        const ms = performance.now() - startedAt;
        const calls = (await emulator.stats()).operations.GetResource.calls - before - 1;
        results[lane].push({ calls, ms });
        await floodDone;
      }
    }
  } finally {
    await gateway.close();
    await emulator.close();
  }
  const row = (label: string, waits: Wait[]) =>
    `| ${label} | ${median(waits.map((wait) => wait.calls))} | ${Math.round(median(waits.map((wait) => wait.ms)))} ms |`;
  console.log(
    [
      `Another caller's single read while one caller floods with ${flood} reads (${FLOOD_QUERIES} queries of ${READS_PER_QUERY}), default pacing ` +
        `(${config.cloudControl.pacing.ratePerSecond}/s, burst ${config.cloudControl.pacing.burst}, ${config.cloudControl.pacing.maxInFlight} in flight), ${LATENCY_MS} ms per call; median of ${runs} runs.`,
      "",
      "| the reader's lane | flood calls made while it waited | its read's wall time |",
      "| --- | --- | --- |",
      row("its own (round-robin lanes)", results.own),
      row("the flooder's (first come first served, as before lanes)", results.shared),
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
