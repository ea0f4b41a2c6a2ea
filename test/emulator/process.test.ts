// The emulator as people run it: a process started from the command line, its control endpoints
// over HTTP, and the checks on what it is given.
import { describe, it, after } from "node:test";
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetResourceCommand, GetResourceRequestStatusCommand, ListResourceRequestsCommand, ListResourcesCommand } from "@aws-sdk/client-cloudcontrol";
import { startEmulator, demo } from "../../src/emulator/index.js";
import { parseCliOptions } from "../../src/emulator/cliOptions.js";
import { cloudControlClient, startTestEmulator } from "../support/emulator.js";

const CLI = fileURLToPath(new URL("../../src/emulator/cli.js", import.meta.url));
const ROUTE_RESPONSE = "AWS::ApiGatewayV2::RouteResponse";

describe("the emulator process", () => {
  it("starts from the command line with the demo seed, serves the AWS SDK, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [CLI, "--port", "0", "--seed", "demo"], { stdio: ["ignore", "pipe", "pipe"] });
    after(() => child.kill("SIGKILL"));
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 10 s: ${output}`)), 10_000);
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const client = cloudControlClient({ url });
    const { ResourceDescription } = await client.send(
      new GetResourceCommand({
        TypeName: ROUTE_RESPONSE,
        Identifier: `${demo.DEMO_API_ID}|${demo.DEMO_ROUTES.sendMessage}|${demo.DEMO_ROUTE_RESPONSES.sendMessageDefault}`,
      }),
    );
    assert.equal(JSON.parse(ResourceDescription?.Properties ?? "{}").RouteResponseKey, "$default");
    client.destroy();
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 0);
  });

  it("refuses an unknown flag with the usage line and exit code 2", async () => {
    const child = spawn(process.execPath, [CLI, "--prot", "1"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 2);
    assert.match(stderr, /usage: emulator/);
  });

  it("reads its flags into options", () => {
    const options = parseCliOptions(["--port", "0", "--rate-limit", "30", "--latency-ms", "50", "--strict-credentials", "AKID1:s1,AKID2:s2", "--list-full-models"]);
    assert.ok(options !== "help");
    assert.equal(options.port, 0);
    assert.deepEqual(options.faults, { latencyMs: 50, jitterMs: 0, rateLimitPerSecond: 30 });
    assert.deepEqual(options.strictCredentials, [
      { accessKeyId: "AKID1", secretAccessKey: "s1" },
      { accessKeyId: "AKID2", secretAccessKey: "s2" },
    ]);
    assert.equal(options.listFullModels, true);
    assert.equal(options.lenientRouteResponseKeys, undefined, "faithful keys unless asked");
    assert.equal(options.bareNotFound, undefined);
    const lenient = parseCliOptions(["--lenient-route-response-keys", "--bare-not-found"]);
    assert.ok(lenient !== "help");
    assert.equal(lenient.lenientRouteResponseKeys, true);
    assert.equal(lenient.bareNotFound, true);
    assert.throws(() => parseCliOptions(["--port", "eighty"]), /--port takes a number/);
  });
});

describe("the control endpoints", async () => {
  const emulator = await startTestEmulator({ seed: "demo" });
  const control = (path: string, init?: RequestInit) => fetch(`${emulator.url}/_emulator${path}`, init);
  const client = cloudControlClient(emulator);

  it("count Cloud Control calls per operation and reset them", async () => {
    emulator.resetStats();
    await client.send(new ListResourcesCommand({ TypeName: "AWS::ApiGatewayV2::Api" }));
    await assert.rejects(client.send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: "a|b|c" })));
    const stats = (await (await control("/stats")).json()) as ReturnType<typeof emulator.stats>;
    assert.equal(stats.operations.ListResources.calls, 1);
    assert.equal(stats.operations.GetResource.calls, 1);
    assert.equal(stats.operations.GetResource.errors, 1);
    assert.equal(stats.total, 2);
    assert.equal(stats.regions["us-east-1"], 2);
    assert.equal((await control("/stats/reset", { method: "POST" })).status, 204);
    assert.equal(emulator.stats().total, 0);
  });

  it("set faults at run time and refuse nonsense with a sentence", async () => {
    const put = (body: unknown) => control("/faults", { method: "PUT", body: JSON.stringify(body) });
    const ok = await put({ injectedErrors: [{ operation: "GetResource", code: "ServiceInternalErrorException", count: 1 }] });
    assert.equal(ok.status, 200);
    const settings = (await ok.json()) as { injectedErrors: unknown[] };
    assert.equal(settings.injectedErrors.length, 1);
    const noRetry = cloudControlClient(emulator, "us-east-1", { maxAttempts: 1 });
    await assert.rejects(
      noRetry.send(new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::Api", Identifier: demo.DEMO_API_ID })),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) =>
        error.name === "ServiceInternalErrorException" && error.$metadata?.httpStatusCode === 502,
    );
    // count: 1 means the next call is served normally again.
    await noRetry.send(new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::Api", Identifier: demo.DEMO_API_ID }));

    const bad = await put({ latencyMs: -5 });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /latencyMs must be a number of milliseconds/);
    const unknown = await control("/nothing-here");
    assert.equal(unknown.status, 404);
  });

  it("seed more resources over HTTP, with the checks a create makes", async () => {
    const seed = (resources: unknown[]) => control("/seed", { method: "POST", body: JSON.stringify({ resources }) });
    const added = await seed([
      {
        typeName: ROUTE_RESPONSE,
        properties: { ApiId: demo.DEMO_API_ID, RouteId: demo.DEMO_ROUTES.disconnect, RouteResponseId: "rrx0001", RouteResponseKey: "$default" },
      },
    ]);
    assert.equal(added.status, 204);
    const orphan = await seed([{ typeName: ROUTE_RESPONSE, properties: { ApiId: "nope", RouteId: "nope", RouteResponseKey: "$default" } }]);
    assert.equal(orphan.status, 400);
    assert.match(((await orphan.json()) as { message: string }).message, /NotFound: Invalid API identifier specified 123456789012:nope/);
  });

  it("seed a resource with the finished request that created it, which the SDK then reads and lists", async () => {
    const { ProgressEvent } = await client.send(new GetResourceRequestStatusCommand({ RequestToken: demo.DEMO_REQUEST_TOKEN }));
    assert.deepEqual([ProgressEvent?.Operation, ProgressEvent?.OperationStatus, ProgressEvent?.TypeName], ["CREATE", "SUCCESS", ROUTE_RESPONSE]);
    assert.equal(ProgressEvent?.Identifier, `${demo.DEMO_API_ID}|${demo.DEMO_ROUTES.sendMessage}|${demo.DEMO_ROUTE_RESPONSES.sendMessageDefault}`);
    const listed = await client.send(new ListResourceRequestsCommand({ ResourceRequestStatusFilter: { Operations: ["CREATE"], OperationStatuses: ["SUCCESS"] } }));
    assert.ok(listed.ResourceRequestStatusSummaries?.some((event) => event.RequestToken === demo.DEMO_REQUEST_TOKEN));
    const reused = await control("/seed", {
      method: "POST",
      body: JSON.stringify({ resources: [{ typeName: "AWS::ApiGatewayV2::Api", properties: { ApiId: "seedapi002", Name: "x", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" }, requestToken: demo.DEMO_REQUEST_TOKEN }] }),
    });
    assert.equal(reused.status, 400);
    assert.match(((await reused.json()) as { message: string }).message, /requestToken must be 1 to 128 characters .* used once per region/);
  });
});

describe("options", () => {
  it("are checked at start with a sentence that states the contract", async () => {
    await assert.rejects(startEmulator({ port: -1 }), /port must be a whole number/);
    await assert.rejects(startEmulator({ port: 0, listPageSize: 0 }), /listPageSize must be a whole number, 1 or more/);
    await assert.rejects(startEmulator({ port: 0, accountId: "42" }), /accountId must be twelve digits/);
    await assert.rejects(startEmulator({ port: 0, faults: { rateLimitPerSecond: 0 } }), /rateLimitPerSecond must be a whole number above 0/);
  });

  it("load a seed file, and name the resource a bad one breaks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-seed-"));
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ resources: [{ typeName: "AWS::ApiGatewayV2::Api", region: "ap-south-1", properties: { ApiId: "seedapi001", Name: "x", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" } }] }));
    const emulator = await startTestEmulator({ seed: good });
    const mumbai = cloudControlClient(emulator, "ap-south-1");
    const { ResourceDescriptions } = await mumbai.send(new ListResourcesCommand({ TypeName: "AWS::ApiGatewayV2::Api" }));
    assert.deepEqual(ResourceDescriptions?.map((d) => d.Identifier), ["seedapi001"]);

    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ resources: [{ typeName: "AWS::ApiGatewayV2::Api", properties: { Name: 7 } }] }));
    await assert.rejects(startEmulator({ port: 0, seed: bad }), /seed resource 0 \(AWS::ApiGatewayV2::Api\): Model validation failed \(#\/Name: expected type: String, found: Integer\)/);
    await assert.rejects(startEmulator({ port: 0, seed: join(dir, "missing.json") }), /Cannot read seed file/);
  });
});
