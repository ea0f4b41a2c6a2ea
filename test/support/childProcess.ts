// Child processes a test file starts (the gateway's real entry, redis-server) are stopped, and
// waited for, when the file's tests are done.
import { once } from "node:events";
import { after } from "node:test";
import type { ChildProcess } from "node:child_process";

export function stopWhenDone(child: ChildProcess): void {
  after(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  });
}
