// Two gateway processes sharing the cache through a real redis-server: one in this process, one a
// child process started as `node dist/src/index.js` with REDIS_URL. A read through one is a hit
// through the other; a write through one is never answered stale by the other once it returned.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { GraphQLResponse, Json } from "../gateway/harness.js";
import { startTestGateway } from "../gateway/harness.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
import { startRedis } from "../support/redis.js";
import { startGatewayProcess } from "../support/gatewayProcess.js";

const redis = await startRedis();
const skip = redis === undefined ? "redis-server is not installed (.ci/run installs Debian's redis-server)" : false;

/** The demo's route responses of sendMessage (rrs0001) and sendPrivateMessage (rrs0002). */
const ROUTE_OF: Record<string, string> = { rrs0001: "send001", rrs0002: "sprv001" };
const READ = (id: string) => `{ routeResponse(apiId: "chat7a1b2c", routeId: "${ROUTE_OF[id] ?? ""}", routeResponseId: "${id}") { modelSelectionExpression } }`;
const UPDATE = (expression: string) => `mutation {
  updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001",
    patch: [{ op: REPLACE, path: "/ModelSelectionExpression", value: "${expression}" }], wait: true }) { request { status } }
}`;

async function post(url: string, query: string): Promise<GraphQLResponse<Json>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: Json; errors?: GraphQLResponse["errors"] };
  return { status: response.status, data: body.data, errors: body.errors, text };
}

describe("the Redis cache shared by two gateway processes", { skip }, () => {
  it("serves one process's read to the other, and drops it everywhere when either writes", async () => {
    assert.ok(redis);
    const emulator = await startTestEmulator({ seed: "demo" });
    const a = await startTestGateway(emulator, { config: { cache: { ttlMs: 60_000, redisUrl: redis.url } } });
    const { url: b } = await startGatewayProcess({
      PORT: "0",
      IDE: "off",
      AUTH_MODE: "off",
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      CACHE_TTL_MS: "60000",
      REDIS_URL: redis.url,
    });
    const gets = () => emulator.stats().operations.GetResource.calls;
    emulator.resetStats();

    assert.deepEqual((await a.query(READ("rrs0001"))).data, { routeResponse: { modelSelectionExpression: "$context.status" } });
    assert.equal(gets(), 1);
    assert.deepEqual((await post(b, READ("rrs0001"))).data, { routeResponse: { modelSelectionExpression: "$context.status" } });
    assert.equal(gets(), 1, "B's read is a hit on what A cached");
    assert.deepEqual((await post(b, READ("rrs0002"))).data, { routeResponse: { modelSelectionExpression: null } });
    assert.deepEqual((await a.query(READ("rrs0002"))).data, { routeResponse: { modelSelectionExpression: null } });
    assert.equal(gets(), 2, "and A's read of what B cached is a hit too");

    // A write through A: once its mutation returned, B answers the new state.
    const update = await a.query(UPDATE("changed"));
    assert.deepEqual(update.data, { updateRouteResponse: { request: { status: "SUCCESS" } } });
    assert.deepEqual((await post(b, READ("rrs0001"))).data, { routeResponse: { modelSelectionExpression: "changed" } });
    assert.equal(gets(), 3, "B read it from Cloud Control once");
    assert.deepEqual((await a.query(READ("rrs0001"))).data, { routeResponse: { modelSelectionExpression: "changed" } });
    assert.equal(gets(), 3, "and A's read is a hit on what B cached");
    // The other route response was not touched by the write.
    await post(b, READ("rrs0002"));
    assert.equal(gets(), 3);

    // And back through B: A sees it at once.
    await post(b, UPDATE("$context.status"));
    assert.deepEqual((await a.query(READ("rrs0001"))).data, { routeResponse: { modelSelectionExpression: "$context.status" } });
    assert.equal(gets(), 4);
  });

  it("reads from Cloud Control when Redis cannot be reached, and logs why", async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    // A port nothing listens on (Redis's own port on a loopback address we never start it on).
    const gateway = await startTestGateway(emulator, { config: { cache: { ttlMs: 60_000, redisUrl: "redis://127.0.0.1:1" } } });
    emulator.resetStats();
    const response = await gateway.query(READ("rrs0001"));
    assert.deepEqual(response.data, { routeResponse: { modelSelectionExpression: "$context.status" } });
    assert.equal(response.errors, undefined);
    assert.equal(emulator.stats().operations.GetResource.calls, 1);
    assert.ok(gateway.logger.lines.some((line) => /cache/i.test(line)), gateway.logger.lines.join("\n"));
  });
});
