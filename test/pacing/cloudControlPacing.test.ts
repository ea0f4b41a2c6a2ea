// The pacer as SDK middleware: every attempt, retries included, takes a token of its region's bucket,
// and waiting watches the call's abort signal. A frozen clock makes the bucket hold exactly its burst.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import { GetResourceCommand } from "@aws-sdk/client-cloudcontrol";
import { createCloudControlClients } from "../../src/cloudcontrol/client.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";

const emulator = await startTestEmulator({ seed: "demo" });
const get = new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::RouteResponse", Identifier: "chat7a1b2c|send001|rrs0001" });

function clients(maxAttempts: number, burst: number, maxInFlight = 10) {
  const made = createCloudControlClients({
    endpoint: emulator.url,
    credentials: TEST_CREDENTIALS,
    maxAttempts,
    requestTimeoutMs: 5000,
    maxSockets: 10,
    // Never refills: the bucket lets exactly `burst` attempts through.
    pacing: { ratePerSecond: 1, burst, maxInFlight, now: () => 0 },
  });
  after(() => made.destroy());
  return made;
}

describe("Cloud Control pacing", () => {
  it("sits after the SDK's retry middleware, so it runs once per attempt", () => {
    const stack = clients(3, 1).forRegion("us-east-1").middlewareStack.identify();
    const retry = stack.findIndex((entry) => entry.startsWith("retryMiddleware"));
    const paced = stack.findIndex((entry) => entry.startsWith("cloudControlPacing"));
    assert.ok(retry >= 0 && paced > retry, stack.join("\n"));
  });

  it("makes each retry of a throttled call wait for a token like a first attempt", async () => {
    emulator.resetStats();
    emulator.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", count: 2 }] });
    const client = clients(3, 3).forRegion("us-east-1");
    // Three attempts (two throttled, one answered) use the bucket's three tokens...
    const output = await client.send(get);
    assert.equal(output.ResourceDescription?.Identifier, "chat7a1b2c|send001|rrs0001");
    assert.equal(emulator.stats().operations.GetResource.calls, 3);
    // ...so the next call finds none and waits until its signal gives up: it never reaches AWS.
    await assert.rejects(client.send(get, { abortSignal: AbortSignal.timeout(200) }));
    assert.equal(emulator.stats().operations.GetResource.calls, 3);
  });

  it("shares one bucket per region across calls and keeps regions apart", async () => {
    emulator.resetStats();
    const made = clients(1, 1);
    await made.forRegion("us-east-1").send(get);
    await assert.rejects(made.forRegion("us-east-1").send(get, { abortSignal: AbortSignal.timeout(100) }));
    // eu-west-1 has its own bucket, with its own token.
    await made.forRegion("eu-west-1").send(
      new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::RouteResponse", Identifier: "ntfy9x8y7z|push001|rrp0001" }),
    );
    assert.deepEqual(emulator.stats().regions, { "us-east-1": 1, "eu-west-1": 1 });
  });
});
