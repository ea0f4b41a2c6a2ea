// Each Cloud Control call's scope with the SDK's middleware cache on (src/cloudcontrol/callScope.ts):
// the SDK builds a command class's handler once and shares it, yet each call's signal still cuts its
// own HTTP request on the wire, and never another call's. Against a loopback server that holds
// requests open until told to answer.
import { strict as assert } from "node:assert";
import { after, describe, it } from "node:test";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GetResourceCommand } from "@aws-sdk/client-cloudcontrol";
import { createCloudControlClients } from "../../src/cloudcontrol/client.js";
import { createCloudControlFacade } from "../../src/cloudcontrol/facade.js";
import { probeCloudControl } from "../../src/cloudcontrol/probe.js";
import { ErrorCode, GatewayError } from "../../src/errors.js";
import { routeResponseType } from "../../src/resourceTypes/index.js";
import { TEST_CREDENTIALS } from "../support/emulator.js";

const IDENTIFIER = "api0000001|rt00001|rr00001";
const ANSWER = JSON.stringify({
  TypeName: routeResponseType.typeName,
  ResourceDescription: { Identifier: IDENTIFIER, Properties: JSON.stringify({ ApiId: "api0000001", RouteId: "rt00001", RouteResponseId: "rr00001", RouteResponseKey: "$default" }) },
});

/** Holds every request until `answerAll`; counts the requests that were cut before an answer. */
async function holdingServer() {
  const held: Array<ServerResponse> = [];
  let cut = 0;
  let arrived = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    arrived += 1;
    res.on("close", () => {
      if (!res.writableFinished) cut += 1;
    });
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get arrived() {
      return arrived;
    },
    get cut() {
      return cut;
    },
    answerAll() {
      for (const res of held.splice(0)) {
        if (!res.destroyed) res.writeHead(200, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "test" }).end(ANSWER);
      }
    },
  };
}

/** Resolves once `condition` holds, checking every 10 ms for at most 5 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 500; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail(`not within 5 s: ${what}`);
}

describe("call scopes with the SDK's middleware cache", () => {
  it("cut only the aborted call's HTTP request, and build GetResource's handler once", async () => {
    const upstream = await holdingServer();
    const clients = createCloudControlClients({
      endpoint: upstream.url,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
      requestTimeoutMs: 10_000,
      maxSockets: 10,
      pacing: { ratePerSecond: 1000, burst: 1000, maxInFlight: 10 },
    });
    after(() => clients.destroy());
    // Counts handler builds through the real method: with the cache, one for every GetResource.
    const resolve = GetResourceCommand.prototype.resolveMiddleware;
    let builds = 0;
    GetResourceCommand.prototype.resolveMiddleware = function (this: GetResourceCommand, ...args: Parameters<typeof resolve>) {
      builds += 1;
      return resolve.apply(this, args);
    };
    after(() => {
      GetResourceCommand.prototype.resolveMiddleware = resolve;
    });

    const deadline = new AbortController();
    const bounded = createCloudControlFacade(clients, { signal: deadline.signal });
    const unbounded = createCloudControlFacade(clients);
    const aborted = bounded.getResource(routeResponseType, "us-east-1", IDENTIFIER);
    const answered = unbounded.getResource(routeResponseType, "us-east-1", IDENTIFIER);
    await until(() => upstream.arrived === 2, "both requests reach the server");

    deadline.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    await assert.rejects(aborted, (error: unknown) => error instanceof GatewayError && error.code === ErrorCode.UPSTREAM_TIMEOUT);
    // The aborted call's request is cut on the wire; the other one is still open and gets its answer.
    await until(() => upstream.cut === 1, "the aborted call's request is cut");
    upstream.answerAll();
    assert.equal((await answered)?.identifier, IDENTIFIER);
    assert.equal(upstream.cut, 1);

    // A third call after both, as every later one: the handler built by the first is used again.
    const third = unbounded.getResource(routeResponseType, "us-east-1", IDENTIFIER);
    await until(() => upstream.arrived === 3, "the third request reaches the server");
    upstream.answerAll();
    assert.equal((await third)?.identifier, IDENTIFIER);
    assert.equal(builds, 1);
  });

  it("keep the handler cache through a readiness probe, which sends its deadline the same way", async () => {
    const upstream = await holdingServer();
    const clients = createCloudControlClients({
      endpoint: upstream.url,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
      requestTimeoutMs: 10_000,
      maxSockets: 10,
      pacing: { ratePerSecond: 1000, burst: 1000, maxInFlight: 10 },
    });
    after(() => clients.destroy());
    const resolve = GetResourceCommand.prototype.resolveMiddleware;
    let builds = 0;
    GetResourceCommand.prototype.resolveMiddleware = function (this: GetResourceCommand, ...args: Parameters<typeof resolve>) {
      builds += 1;
      return resolve.apply(this, args);
    };
    after(() => {
      GetResourceCommand.prototype.resolveMiddleware = resolve;
    });
    const facade = createCloudControlFacade(clients);
    const read = async () => {
      const arrived = upstream.arrived;
      const answer = facade.getResource(routeResponseType, "us-east-1", IDENTIFIER);
      await until(() => upstream.arrived === arrived + 1, "the read reaches the server");
      upstream.answerAll();
      assert.equal((await answer)?.identifier, IDENTIFIER);
    };
    await read();
    const probed = probeCloudControl(clients, "us-east-1", { timeoutMs: 5000 });
    await until(() => upstream.arrived === 2, "the probe reaches the server");
    upstream.answerAll();
    assert.deepEqual(await probed, { credentials: "ok", cloudControl: "ok" });
    // send(command, options) would have emptied the client's cache: the next read would build again.
    await read();
    assert.equal(builds, 1);
  });
});
