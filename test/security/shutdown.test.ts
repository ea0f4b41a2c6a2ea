// SIGTERM with a request in flight, against the real process (`node dist/src/index.js`): the request
// still gets its answer, new connections are refused, and the process exits 0.
import { strict as assert } from "node:assert";
import { once } from "node:events";
import { describe, it } from "node:test";
import { DEMO_API_ID, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { startTestEmulator } from "../support/emulator.js";
import { startGatewayProcess } from "../support/gatewayProcess.js";

describe("SIGTERM", () => {
  it("drains the request in flight, then exits 0", async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    const { url: graphqlUrl, child, output } = await startGatewayProcess({
      AUTH_MODE: "off",
      AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "AKIDSHUTDOWNTEST",
      AWS_SECRET_ACCESS_KEY: "shutdown-test-secret",
      PORT: "0",
      IDE: "off",
      LOG_LEVEL: "warn",
      SHUTDOWN_GRACE_MS: "20000",
    });
    const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    for (let i = 0; i < 100 && !/Authentication is OFF/.test(output().stderr); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.match(output().stderr, /Authentication is OFF \(AUTH_MODE=off\)/, "it says it runs open");

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
    assert.equal(code, 0, output().stderr);
    assert.match(output().stdout, /SIGTERM: stopping/);
    await assert.rejects(fetch(graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), "no longer listening");
  });
});
