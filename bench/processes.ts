// The emulator and the load generator run as their own processes, so that the benchmark process
// holds only the servers being measured: its CPU and its peak RSS are theirs (with 2 cores, an
// in-process emulator and load generator would take CPU the gateway needs and blur the figures).
import { spawn } from "node:child_process";
import type { ChildProcessByStdio } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { EmulatorStats, FaultSettings, SeedDocument } from "../src/emulator/index.js";

export type Child = ChildProcessByStdio<null, Readable, Readable>;

/** Waits for `pattern` in the child's output; its first group is the answer. */
export function watchFor(child: Child, pattern: RegExp, what: string): Promise<string> {
  let output = "";
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 15 s:\n${output}`)), 15_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const found = pattern.exec(output)?.[1];
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${String(code)}):\n${output}`));
    });
  });
}

/** A child never outlives the benchmark, even when it fails half-way. */
export function tied(child: Child): Child {
  const kill = () => child.kill();
  process.once("exit", kill);
  child.once("exit", () => process.off("exit", kill));
  return child;
}

export async function stop(child: Child): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** A free loopback port, borrowed from the kernel and handed back (for servers that cannot report the one they pick). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Debian's redis-server on `port` (loopback, no persistence), tied to this process; resolves once it accepts connections. */
export async function startRedisServer(port: number): Promise<Child> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child: Child = tied(spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] }));
  await watchFor(child, /(Ready to accept connections)/, "redis-server");
  return child;
}

/** The emulator in its own process, driven through its `/_emulator/` control endpoints. */
export interface BenchEmulator {
  readonly url: string;
  stats(): Promise<EmulatorStats>;
  resetStats(): Promise<void>;
  setFaults(faults: Partial<FaultSettings>): Promise<void>;
  close(): Promise<void>;
}

async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** `flags` are extra command-line flags, e.g. `--lenient-route-response-keys`. */
export async function startEmulatorProcess(seed: SeedDocument, flags: readonly string[] = []): Promise<BenchEmulator> {
  // dist/bench/processes.js -> dist/src/emulator/cli.js
  const cli = fileURLToPath(new URL("../src/emulator/cli.js", import.meta.url));
  const child: Child = tied(spawn(process.execPath, [cli, "--host", "127.0.0.1", "--port", "0", "--write-duration-ms", "0", ...flags], { stdio: ["ignore", "pipe", "pipe"] }));
  try {
    const url = await watchFor(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, "the emulator");
    await control(url, "POST", "seed", seed);
    return {
      url,
      stats: async () => (await control(url, "GET", "stats")) as EmulatorStats,
      resetStats: async () => {
        await control(url, "POST", "stats/reset");
      },
      setFaults: async (faults) => {
        await control(url, "PUT", "faults", faults);
      },
      close: () => stop(child),
    };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failed: number;
  /** Requests answered. */
  requests: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** autocannon (from npm) in its own process: POSTs `body` to `url` for `seconds` over `connections`. */
export async function loadTest(url: string, body: string, connections: number, seconds: number): Promise<LoadResult> {
  const cli = createRequire(import.meta.url).resolve("autocannon");
  const args = [cli, "--json", "--no-progress", "-c", String(connections), "-d", String(seconds), "-m", "POST", "-H", "content-type=application/json", "-b", body, url];
  const child: Child = tied(spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] }));
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`autocannon exited (${String(code)}):\n${stderr}`);
  const result = JSON.parse(stdout.slice(stdout.indexOf("{"))) as AutocannonJson;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}
