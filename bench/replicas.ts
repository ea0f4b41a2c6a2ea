// Many replicas, one Cloud Control budget: 1, 2 and 4 gateway processes (`node dist/src/index.js`)
// sharing a real redis-server (REDIS_URL), each kept busy with reads, against the emulator in its own
// process throttling above 30 calls/s per region. Prints the calls per second that reach the emulator
// over a steady window (goal: within 5% of CLOUDCONTROL_RATE_LIMIT, never above the throttle, no call
// throttled) and what one shared-bucket acquire costs (an EVALSHA of the GCRA script on loopback, taken
// from the gateway's own SharedRedis; goal: p99 under 2 ms). Not part of `npm run bench`:
//   node dist/bench/replicas.js [--seconds N] [--acquires N]
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createSharedRedis } from "../src/replicas/index.js";
import type { Child } from "./processes.js";
import { freePort, startRedisServer, stop, tied, watchFor } from "./processes.js";
import { BENCH_API, BENCH_REGION, BENCH_ROUTE, responseIdAt, startBenchEmulator } from "./servers.js";

const RATE = 25;
const THROTTLE = 30;
const ROUTE_RESPONSES = 200;
/** Reads each gateway has open at once: enough to keep its pacer's queue full. */
const WORKERS_PER_GATEWAY = 8;
const ENTRY = fileURLToPath(new URL("../src/index.js", import.meta.url));

async function startGateway(env: Record<string, string>): Promise<{ url: string; child: Child }> {
  const child: Child = tied(
    spawn(process.execPath, [ENTRY], { env: { PATH: process.env.PATH ?? "", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env }, stdio: ["ignore", "pipe", "pipe"] }),
  );
  return { url: await watchFor(child, /GraphQL gateway: (http:\/\/127\.0\.0\.1:\d+\/graphql)/, "a gateway"), child };
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface RateFigures {
  gateways: number;
  callsPerSecond: number;
  throttled: number;
  failedReads: number;
}

async function measureRate(gateways: number, seconds: number, redisUrl: string): Promise<RateFigures> {
  const emulator = await startBenchEmulator(ROUTE_RESPONSES);
  await emulator.setFaults({ rateLimitPerSecond: THROTTLE });
  const env = {
    PORT: "0",
    IDE: "off",
    AUTH_MODE: "off",
    METRICS: "off",
    AWS_REGION: BENCH_REGION,
    AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url,
    AWS_ACCESS_KEY_ID: "AKIDBENCHMARK",
    AWS_SECRET_ACCESS_KEY: "benchmark-secret",
    REDIS_URL: redisUrl,
    CLOUDCONTROL_RATE_LIMIT: String(RATE),
    CLOUDCONTROL_REPLICAS: String(gateways),
    CLOUDCONTROL_MAX_ATTEMPTS: "1",
  };
  const started = await Promise.all(Array.from({ length: gateways }, () => startGateway(env)));
  let running = true;
  let failedReads = 0;
  let next = 0;
  const worker = async (url: string) => {
    while (running) {
      const id = responseIdAt(1 + (next++ % ROUTE_RESPONSES));
      const query = `{ routeResponse(apiId: "${BENCH_API}", routeId: "${BENCH_ROUTE}", routeResponseId: "${id}") { routeResponseId } }`;
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors !== undefined) failedReads += 1;
    }
  };
  const workers = started.flatMap(({ url }) => Array.from({ length: WORKERS_PER_GATEWAY }, () => worker(url)));
  // One second for the bursts and the queues to settle, then the steady window.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const calls = async () => (await emulator.stats()).operations.GetResource;
  const before = await calls();
  const windowStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await calls();
  const elapsed = (performance.now() - windowStart) / 1000;
  running = false;
  await Promise.all(workers);
  await Promise.all(started.map(({ child }) => stop(child)));
  await emulator.close();
  return { gateways, callsPerSecond: (after.calls - before.calls) / elapsed, throttled: after.throttled, failedReads };
}

async function measureAcquire(acquires: number, redisUrl: string): Promise<{ p50: number; p99: number; max: number }> {
  const redis = createSharedRedis({ url: redisUrl, timeoutMs: 1000, onError: (error) => console.error("Redis failed", error), onRecovered: () => {} });
  // A bucket far faster than the loop: every token is due at once, so the figure is the round trip alone.
  await redis.reserveToken("bench-acquire", 1_000_000, 1_000_000);
  const latencies: number[] = [];
  for (let index = 0; index < acquires; index += 1) {
    const started = performance.now();
    await redis.reserveToken("bench-acquire", 1_000_000, 1_000_000);
    latencies.push(performance.now() - started);
  }
  await redis.close();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" }, acquires: { type: "string", default: "5000" } } });
  const seconds = Number(values.seconds);
  const redisPort = await freePort();
  const redis = { url: `redis://127.0.0.1:${redisPort}`, child: await startRedisServer(redisPort) };
  try {
    console.log(`Rate: CLOUDCONTROL_RATE_LIMIT=${RATE}/s shared through Redis, emulator throttling above ${THROTTLE}/s, ${seconds} s steady window\n`);
    console.log("| gateways | calls/s at the emulator | x configured | throttled | failed reads | goal |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const gateways of [1, 2, 4]) {
      const figures = await measureRate(gateways, seconds, redis.url);
      const ratio = figures.callsPerSecond / RATE;
      const met = Math.abs(ratio - 1) <= 0.05 && figures.callsPerSecond <= THROTTLE && figures.throttled === 0;
      console.log(`| ${gateways} | ${figures.callsPerSecond.toFixed(1)} | ${ratio.toFixed(3)} | ${figures.throttled} | ${figures.failedReads} | ${met ? "met" : "**not met**"} |`);
    }
    const acquire = await measureAcquire(Number(values.acquires), redis.url);
    console.log(`\nShared-bucket acquire (EVALSHA on loopback, ${values.acquires} in a row): p50 ${acquire.p50.toFixed(3)} ms, p99 ${acquire.p99.toFixed(3)} ms, max ${acquire.max.toFixed(3)} ms; goal p99 < 2 ms: ${acquire.p99 < 2 ? "met" : "**not met**"}`);
  } finally {
    await stop(redis.child);
  }
}

await main();
