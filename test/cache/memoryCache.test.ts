// The in-memory cache (CACHE_TTL_MS without REDIS_URL): reads across requests hit it, this gateway's
// writes invalidate it, and without CACHE_TTL_MS every request asks Cloud Control.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { startTestGateway } from "../gateway/harness.js";
import { startTestEmulator } from "../support/emulator.js";

const emulator = await startTestEmulator({ seed: "demo" });
const READ = `{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001") { modelSelectionExpression } }`;
const MISSING = `{ routeResponse(apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "nope999") { modelSelectionExpression } }`;
const UPDATE = (expression: string) => `mutation {
  updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001",
    patch: [{ op: REPLACE, path: "/ModelSelectionExpression", value: "${expression}" }], wait: true }) { request { status } }
}`;
const gets = () => emulator.stats().operations.GetResource.calls;

describe("the in-memory route response cache", () => {
  it("answers later requests from memory until this gateway writes", async () => {
    const gateway = await startTestGateway(emulator, { config: { cache: { ttlMs: 60_000 } } });
    emulator.resetStats();
    assert.deepEqual((await gateway.query(READ)).data, { routeResponse: { modelSelectionExpression: "$context.status" } });
    assert.deepEqual((await gateway.query(READ)).data, { routeResponse: { modelSelectionExpression: "$context.status" } });
    assert.equal(gets(), 1, "the second request is a hit");

    const update = await gateway.query(UPDATE("changed"));
    assert.deepEqual(update.data, { updateRouteResponse: { request: { status: "SUCCESS" } } });
    const before = gets();
    assert.deepEqual((await gateway.query(READ)).data, { routeResponse: { modelSelectionExpression: "changed" } });
    assert.equal(gets(), before + 1, "the write dropped the entry: one more GetResource");
    assert.deepEqual((await gateway.query(READ)).data, { routeResponse: { modelSelectionExpression: "changed" } });
    assert.equal(gets(), before + 1);
    await gateway.query(UPDATE("$context.status"));
  });

  it("does not cache a route response that does not exist", async () => {
    const gateway = await startTestGateway(emulator, { config: { cache: { ttlMs: 60_000 } } });
    emulator.resetStats();
    assert.deepEqual((await gateway.query(MISSING)).data, { routeResponse: null });
    assert.deepEqual((await gateway.query(MISSING)).data, { routeResponse: null });
    assert.equal(gets(), 2);
  });

  it("is off unless CACHE_TTL_MS is set", async () => {
    const gateway = await startTestGateway(emulator);
    emulator.resetStats();
    await gateway.query(READ);
    await gateway.query(READ);
    assert.equal(gets(), 2);
  });
});
