// Child processes a test file starts (the gateway's real entry, redis-server) are stopped, and
// waited for, when the file's tests are done: SIGTERM, then SIGKILL if one has not exited within
// 10 s, so a hung child cannot hang the run.
import { once } from "node:events";
import { after } from "node:test";
import type { ChildProcess } from "node:child_process";

const KILL_AFTER_MS = 10_000;

export function stopWhenDone(child: ChildProcess): void {
  after(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const kill = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
    await exited;
    clearTimeout(kill);
  });
}
