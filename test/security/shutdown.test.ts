// SIGTERM with a request in flight, against the real process (`node dist/src/index.js`): the request
// still gets its answer, new connections are refused, and the process exits 0.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { after, describe, it } from "node:test";
import { DEMO_API_ID, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { startTestEmulator } from "../support/emulator.js";

const ENTRY = fileURLToPath(new URL("../../src/index.js", import.meta.url));

describe("SIGTERM", () => {
  it("drains the request in flight, then exits 0", async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        PATH: process.env.PATH ?? "",
        AUTH_MODE: "off",
        AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url,
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "AKIDSHUTDOWNTEST",
        AWS_SECRET_ACCESS_KEY: "shutdown-test-secret",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        PORT: "0",
        IDE: "off",
        LOG_LEVEL: "warn",
        SHUTDOWN_GRACE_MS: "20000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    after(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;

    for (let i = 0; i < 200 && !/GraphQL gateway: (http:\S+)/.test(stdout); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const graphqlUrl = /GraphQL gateway: (http:\S+)/.exec(stdout)?.[1];
    assert.ok(graphqlUrl, `the gateway did not start: ${stdout} ${stderr}`);
    for (let i = 0; i < 100 && !/Authentication is OFF/.test(stderr); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.match(stderr, /Authentication is OFF \(AUTH_MODE=off\)/, "it says it runs open");

    // A read that takes long at Cloud Control, in flight when the signal arrives.
    emulator.setFaults({ latencyMs: 1500 });
    emulator.resetStats();
    const query = `{ routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") { routeResponseKey } }`;
    const inFlight = fetch(graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    for (let i = 0; i < 200 && emulator.stats().total === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(emulator.stats().total, 1, "the read reached Cloud Control");
    child.kill("SIGTERM");

    const response = await inFlight;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { data: { routeResponse: { routeResponseKey: "$default" } } });
    const [code, signal] = await exited;
    assert.equal(signal, null);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /SIGTERM: stopping/);
    await assert.rejects(fetch(graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), "no longer listening");
  });
});
