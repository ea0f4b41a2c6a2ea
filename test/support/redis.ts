// Starts a real redis-server (Debian's, installed by .ci/run) on a free loopback port for one test
// file, with no persistence, and stops it in `after`. Undefined when redis-server is not installed.
// Tests of outages kill it (SIGKILL), pause it (SIGSTOP, then SIGCONT) or restart it empty on the
// same port, while the gateway keeps its connection settings.
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcessByStdio } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { Readable } from "node:stream";
import { after } from "node:test";
import { stopWhenDone } from "./childProcess.js";

export interface RunningRedis {
  readonly url: string;
  /** SIGKILL: it dies at once, keeping nothing; resolves when it has exited. */
  kill(): Promise<void>;
  /** SIGSTOP: its connections stay open, and nothing is answered until `resume`. */
  pause(): void;
  /** SIGCONT: it answers, in order, what it received meanwhile. */
  resume(): void;
  /** After `kill`: a new, empty redis-server on the same port. */
  restart(): Promise<void>;
}

export const redisInstalled = (): boolean => spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

/** redis-server cannot report a port it picked: borrow a free one from the kernel, then hand it over. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.listen(0, "127.0.0.1", resolve).once("error", reject));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type RedisChild = ChildProcessByStdio<null, Readable, Readable>;

async function spawnRedis(port: number): Promise<RedisChild> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  stopWhenDone(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${String(code)}):\n${output}`));
    });
  });
  return child;
}

export async function startRedis(): Promise<RunningRedis | undefined> {
  if (!redisInstalled()) return undefined;
  const port = await freePort();
  let paused = false;
  // Before the child's own `after` (hooks run in order): a paused server would hold SIGTERM until a SIGCONT.
  after(() => {
    if (paused) child.kill("SIGCONT");
  });
  let child = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
      paused = false;
    },
    pause() {
      child.kill("SIGSTOP");
      paused = true;
    },
    resume() {
      child.kill("SIGCONT");
      paused = false;
    },
    async restart() {
      child = await spawnRedis(port);
    },
  };
}
