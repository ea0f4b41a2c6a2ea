// The gateway's real entry (`node dist/src/index.js`) as a child process, for tests that need a
// second process (a cache replica) or real signals (SIGTERM). Stopped when the file's tests are done.
import { spawn } from "node:child_process";
import type { ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { stopWhenDone } from "./childProcess.js";

const ENTRY = fileURLToPath(new URL("../../src/index.js", import.meta.url));

export interface GatewayProcess {
  /** Its GraphQL URL, from the line it prints once it listens. */
  url: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
}

/** Starts the process with only `env` (and PATH) and resolves once it listens. */
export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? "", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  stopWhenDone(child);
  const printed = { stdout: "", stderr: "" };
  const output = () => ({ ...printed });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway process did not start within 15 s:\n${printed.stdout}${printed.stderr}`)), 15_000);
    const collect = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
      printed[stream] += chunk.toString("utf8");
      const found = /GraphQL gateway: (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(printed.stdout + printed.stderr)?.[1];
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on("data", collect("stdout"));
    child.stderr.on("data", collect("stderr"));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway process exited (${String(code)}):\n${printed.stdout}${printed.stderr}`));
    });
  });
  return { url, child, output };
}
