// `npm run demo`'s composition (src/demo.ts) on free loopback ports, for the browser tests: the
// emulator with the demo seed and 1.5 s writes, the real HTTP gateway with the demo's example ids
// and its CORS allowlist (any http://localhost:* and http://127.0.0.1:* page).
import { loadDemoConfig } from "../../src/config.js";
import type { RunningDemo } from "../../src/demo.js";
import { startDemo } from "../../src/demo.js";
import { RecordingLogger } from "../gateway/harness.js";
import { closeWhenDone } from "./leftovers.js";

export interface TestDemo extends RunningDemo {
  /** `http://127.0.0.1:port` of the gateway. */
  readonly url: string;
  readonly port: number;
  readonly logger: RecordingLogger;
}

export async function startTestDemo(env: Record<string, string> = {}): Promise<TestDemo> {
  const logger = new RecordingLogger();
  const demo = await startDemo(loadDemoConfig({ PORT: "0", EMULATOR_PORT: "0", ...env }), logger);
  closeWhenDone(() => demo.close());
  const url = demo.graphqlUrl.replace(/\/graphql$/, "");
  return { ...demo, url, port: Number(new URL(url).port), logger };
}

/**
 * Waits until the demo has no write in progress (its writes take 1.5 s), as a user would before the
 * next tab: a second write to the same route response meanwhile answers CONFLICT. Polls the gateway
 * at most 50 times, 100 ms apart.
 */
export async function demoWritesSettled(demo: Pick<RunningDemo, "graphqlUrl">): Promise<void> {
  const query = "{ resourceRequests(statuses: [PENDING, IN_PROGRESS], first: 1) { nodes { requestToken } } }";
  for (let poll = 0; poll < 50; poll++) {
    const response = await fetch(demo.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const result = (await response.json()) as { data?: { resourceRequests?: { nodes: unknown[] } } };
    if (result.data?.resourceRequests?.nodes.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("A demo write was still in progress after 50 polls.");
}
