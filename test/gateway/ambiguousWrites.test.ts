// Writes whose answer is lost: Cloud Control slower than the attempt timeout, the emulator process
// paused (SIGSTOP) mid-write, and the gateway closed with a short grace while writes are in flight.
// In each, Cloud Control (the emulator) applies every write the gateway sent, while the client gets
// no request token. The client must still find every one: each error is WRITE_OUTCOME_UNKNOWN with
// the write's clientToken, and the same mutation retried with it answers the original request. The
// emulator's own records are the judge: one request per write, none made twice.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { GetResourceCommand, ListResourceRequestsCommand, ListResourcesCommand } from "@aws-sdk/client-cloudcontrol";
import type { ProgressEvent } from "@aws-sdk/client-cloudcontrol";
import { startEmulator } from "../../src/emulator/index.js";
import type { EmulatorStats } from "../../src/emulator/index.js";
import { cloudControlClient, startTestEmulator } from "../support/emulator.js";
import type { GraphQLResponse, Json, TestGateway } from "./harness.js";
import { LENIENT_KEYS, eventually, responseIdAt, routeWithResponses, startTestGateway } from "./harness.js";

const API_ID = "wapi000001";
const ROUTE_ID = "wrt0001";
const ROUTE_RESPONSE = "AWS::ApiGatewayV2::RouteResponse";
const CLI = fileURLToPath(new URL("../../src/emulator/cli.js", import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const REQUEST = `request { requestToken operation status identifier }`;
const MUTATIONS = {
  CREATE: `mutation($input: CreateRouteResponseInput!) { write: createRouteResponse(input: $input) { ${REQUEST} } }`,
  UPDATE: `mutation($input: UpdateRouteResponseInput!) { write: updateRouteResponse(input: $input) { ${REQUEST} } }`,
  DELETE: `mutation($input: DeleteRouteResponseInput!) { write: deleteRouteResponse(input: $input) { ${REQUEST} } }`,
} as const;

interface Write {
  operation: keyof typeof MUTATIONS;
  input: Record<string, unknown>;
  /** The route response it changes (creates: its key, as the identifier is assigned). */
  target: string;
}

/**
 * `count` writes of each kind on route responses rr00001... of one route: creates (every other one
 * with the caller's clientToken), updates and deletes. The route needs 2 x count route responses.
 * Updates use a raw patch: `set` reads the route response first, and under these faults that read
 * fails before the write is sent (a known outcome, UPSTREAM_TIMEOUT); `withSet` makes every other
 * update a `set` of a present property, whose patch is the same whatever the write changed.
 */
function writesOf(count: number, tag: string, withSet = false): Write[] {
  const ids = (index: number) => ({ apiId: API_ID, routeId: ROUTE_ID, routeResponseId: responseIdAt(index) });
  const identifier = (index: number) => `${API_ID}|${ROUTE_ID}|${responseIdAt(index)}`;
  const writes: Write[] = [];
  for (let i = 1; i <= count; i += 1) {
    const key = `${tag}-new-${i}`;
    const clientToken = i % 2 === 0 ? `${tag}-caller-token-${i}` : undefined;
    writes.push({ operation: "CREATE", input: { apiId: API_ID, routeId: ROUTE_ID, routeResponseKey: key, ...(clientToken ? { clientToken } : {}) }, target: key });
    const change = withSet && i % 2 === 0 ? { set: { routeResponseKey: `${tag}-renamed-${i}` } } : { patch: [{ op: "ADD", path: "/ResponseModels/text~1plain", value: `Text${i}` }] };
    writes.push({ operation: "UPDATE", input: { ...ids(i), ...change }, target: identifier(i) });
    writes.push({ operation: "DELETE", input: ids(count + i), target: identifier(count + i) });
  }
  return writes;
}

function send(gateway: TestGateway, write: Write, extra: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return gateway.query(MUTATIONS[write.operation], { input: { ...write.input, ...extra } });
}

/** What the client holds after the fault: the request token, or the clientToken that resumes the write. */
function handleOf(write: Write, response: GraphQLResponse): { requestToken?: string; clientToken?: string } {
  const requestToken = (response.data as Json)?.write?.request?.requestToken as string | undefined;
  if (requestToken !== undefined) return { requestToken };
  assert.equal(response.errors?.length, 1, response.text);
  const error = response.errors?.[0];
  assert.equal(error?.extensions?.code, "WRITE_OUTCOME_UNKNOWN", response.text);
  const clientToken = error?.extensions?.clientToken;
  assert.equal(typeof clientToken, "string", response.text);
  const given = write.input.clientToken as string | undefined;
  if (given === undefined) assert.match(clientToken as string, UUID);
  else assert.equal(clientToken, given, "the caller's token is the one sent");
  assert.ok(error?.message.includes(`clientToken "${clientToken as string}"`), error?.message);
  return { clientToken: clientToken as string };
}

/** Every request the emulator holds (ListResourceRequests, all pages). */
async function requestsIn(url: string): Promise<ProgressEvent[]> {
  const client = cloudControlClient({ url });
  const events: ProgressEvent[] = [];
  let NextToken: string | undefined;
  for (let page = 0; page < 10; page += 1) {
    const output = await client.send(new ListResourceRequestsCommand({ MaxResults: 100, NextToken }));
    events.push(...(output.ResourceRequestStatusSummaries ?? []));
    NextToken = output.NextToken;
    if (!NextToken) break;
  }
  client.destroy();
  return events;
}

/** The route responses of the route (one page: fewer than 25 here), identifier to RouteResponseKey. */
async function routeResponseKeysIn(url: string): Promise<Map<string, string>> {
  const client = cloudControlClient({ url });
  const output = await client.send(new ListResourcesCommand({ TypeName: ROUTE_RESPONSE, ResourceModel: JSON.stringify({ ApiId: API_ID, RouteId: ROUTE_ID }) }));
  assert.equal(output.NextToken, undefined);
  const keys = new Map<string, string>();
  for (const description of output.ResourceDescriptions ?? []) {
    const identifier = description.Identifier as string;
    const resource = await client.send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: identifier }));
    keys.set(identifier, (JSON.parse(resource.ResourceDescription?.Properties ?? "{}") as { RouteResponseKey: string }).RouteResponseKey);
  }
  client.destroy();
  return keys;
}

const writeCalls = (stats: EmulatorStats) =>
  stats.operations.CreateResource.calls + stats.operations.UpdateResource.calls + stats.operations.DeleteResource.calls;

/**
 * After the fault: waits (bounded) until the emulator has applied every write it received, checks it
 * applied each exactly once, then resumes each unanswered write through a healthy gateway with its
 * clientToken and checks the answer is that very request. Returns the figures for the assertions.
 */
async function resumeAndCheck(url: string, writes: Write[], handles: Array<{ requestToken?: string; clientToken?: string }>, healthy: TestGateway) {
  const applied = await eventually(
    () => requestsIn(url),
    (events) => events.length >= writes.length,
    15_000,
  );
  assert.equal(applied.length, writes.length, "one request per write: the SDK's retries reused the write's token");
  const tokens = new Set(applied.map((event) => event.RequestToken));

  const found: string[] = [];
  for (const [index, write] of writes.entries()) {
    const handle = handles[index] ?? {};
    if (handle.requestToken !== undefined) {
      found.push(handle.requestToken);
      continue;
    }
    const retried = await send(healthy, write, { clientToken: handle.clientToken });
    assert.equal(retried.errors, undefined, retried.text);
    const request = (retried.data as Json).write.request as { requestToken: string; operation: string; identifier: string | null };
    assert.ok(tokens.has(request.requestToken), `the retry of ${write.operation} ${write.target} answers a request the emulator made before`);
    assert.equal(request.operation, write.operation);
    if (write.operation !== "CREATE") assert.equal(request.identifier, write.target);
    found.push(request.requestToken);
  }
  assert.equal(new Set(found).size, writes.length, "each write found its own request");
  assert.deepEqual([...tokens].sort(), [...found].sort(), "every request the emulator applied is found by the client");

  // Retries made nothing new, and each change happened once.
  const after = await requestsIn(url);
  assert.equal(after.length, writes.length, "no retry made a second request");
  const finished = await eventually(
    () => requestsIn(url),
    (events) => events.every((event) => event.OperationStatus === "SUCCESS" || event.OperationStatus === "FAILED"),
  );
  assert.deepEqual(
    finished.filter((event) => event.OperationStatus !== "SUCCESS").map((event) => `${event.Operation} ${event.Identifier} ${event.ErrorCode}`),
    [],
  );
  const keys = await routeResponseKeysIn(url);
  const keyCounts = new Map<string, number>();
  for (const key of keys.values()) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
  for (const write of writes) {
    if (write.operation === "CREATE") assert.equal(keyCounts.get(write.target), 1, `${write.target} created once`);
    if (write.operation === "DELETE") assert.equal(keys.has(write.target), false, `${write.target} deleted`);
    const requests = finished.filter((event) => event.Operation === write.operation && (write.operation === "CREATE" || event.Identifier === write.target));
    if (write.operation !== "CREATE") assert.equal(requests.length, 1, `${write.operation} ${write.target} made once`);
  }
  return { applied: applied.length, unanswered: handles.filter((handle) => handle.clientToken !== undefined).length };
}

describe("a write whose answer is lost can be found with its clientToken, and is never made twice", () => {
  it("when Cloud Control answers after the attempt timeout, on every attempt", async () => {
    const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses(API_ID, ROUTE_ID, 8) });
    // Three attempts of 250 ms each against 600 ms of latency: the SDK retries each write twice.
    const impatient = await startTestGateway(emulator, { config: { cloudControl: { requestTimeoutMs: 250, maxAttempts: 3 } } });
    const healthy = await startTestGateway(emulator);
    const writes = writesOf(4, "latency");
    emulator.setFaults({ latencyMs: 600 });
    const answers = await Promise.all(writes.map((write) => send(impatient, write)));
    const handles = writes.map((write, index) => handleOf(write, answers[index] as GraphQLResponse));
    const retried = writeCalls(emulator.stats());
    emulator.setFaults({ latencyMs: 0 });

    const { unanswered } = await resumeAndCheck(emulator.url, writes, handles, healthy);
    assert.ok(unanswered > 0, "the fault took some answers");
    assert.ok(retried > writes.length, "the SDK retried, with the same token (one request per write above)");
  });

  it("when the Cloud Control process is paused (SIGSTOP) mid-write and resumed (SIGCONT) after the gateway gave up", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ambiguous-writes-"));
    const seedFile = join(dir, "seed.json");
    writeFileSync(seedFile, JSON.stringify(routeWithResponses(API_ID, ROUTE_ID, 4)));
    const child = spawn(process.execPath, [CLI, "--port", "0", "--seed", seedFile, "--lenient-route-response-keys"], { stdio: ["ignore", "pipe", "ignore"] });
    after(() => {
      child.kill("SIGCONT");
      child.kill("SIGKILL");
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`the emulator printed no URL within 10 s: ${output}`)), 10_000);
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    const control = async (path: string, body?: unknown): Promise<unknown> => {
      const response = await fetch(`${url}/_emulator${path}`, body === undefined ? {} : { method: "PUT", body: JSON.stringify(body) });
      return response.json();
    };
    const gateway = await startTestGateway({ url }, { config: { cloudControl: { requestTimeoutMs: 300, maxAttempts: 2 } } });
    const healthy = await startTestGateway({ url });
    const writes = writesOf(2, "sigstop");
    // Latency holds each write inside the emulator long enough to stop the process with all of them there.
    await control("/faults", { latencyMs: 1000 });
    const pending = writes.map((write) => send(gateway, write));
    const arrived = await eventually(
      async () => writeCalls((await control("/stats")) as EmulatorStats),
      (calls) => calls >= writes.length,
    );
    assert.ok(arrived >= writes.length, "every write reached the emulator before it was stopped");
    child.kill("SIGSTOP");
    let answers: GraphQLResponse[];
    try {
      answers = await Promise.all(pending);
    } finally {
      child.kill("SIGCONT");
    }
    const handles = writes.map((write, index) => handleOf(write, answers[index] as GraphQLResponse));
    await control("/faults", { latencyMs: 0 });

    const { unanswered } = await resumeAndCheck(url, writes, handles, healthy);
    assert.equal(unanswered, writes.length, "no write was answered while the emulator was stopped");
  });

  it("when the gateway is closed with a short grace while writes are in flight", async () => {
    const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses(API_ID, ROUTE_ID, 4) });
    // Cloud Control outlasts the grace (2 s): the gateway stops waiting 0.5 s before it would cut connections.
    const closing = await startTestGateway(emulator, { drainTimeoutMs: 2000 });
    const healthy = await startTestGateway(emulator);
    const writes = writesOf(2, "shutdown");
    emulator.setFaults({ latencyMs: 3000 });
    emulator.resetStats();
    const pending = writes.map((write) => send(closing, write));
    const arrived = await eventually(
      async () => writeCalls(emulator.stats()),
      (calls) => calls >= writes.length,
    );
    assert.equal(arrived, writes.length, "every write reached the emulator before the close");
    const closed = closing.close();
    // Answers, not cut sockets: fetch would reject on a cut connection.
    const answers = await Promise.all(pending);
    await closed;
    const handles = writes.map((write, index) => handleOf(write, answers[index] as GraphQLResponse));
    for (const answer of answers) assert.match(answer.errors?.[0]?.message ?? "", /shutting down/);
    emulator.setFaults({ latencyMs: 0 });

    const { unanswered } = await resumeAndCheck(emulator.url, writes, handles, healthy);
    assert.equal(unanswered, writes.length);
  });

  it("and a write accepted before the close, still running, answers its request as last seen instead of waiting on", async () => {
    const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses(API_ID, ROUTE_ID, 1), writeDurationMs: 60_000 });
    const closing = await startTestGateway(emulator, { drainTimeoutMs: 1000, config: { cloudControl: { wait: { timeoutMs: 20_000, minDelayMs: 100, maxDelayMs: 500 } } } });
    const [create] = writesOf(1, "waiting");
    emulator.resetStats();
    const pending = send(closing, create as Write, { wait: true });
    // Accepted, and polled at least once: the mutation is waiting when the close begins.
    await eventually(
      async () => emulator.stats().operations.GetResourceRequestStatus.calls,
      (calls) => calls >= 1,
    );
    const closed = closing.close();
    const answer = await pending;
    await closed;
    assert.equal(answer.errors, undefined, answer.text);
    const request = (answer.data as Json).write.request as { requestToken: string; status: string };
    assert.equal(request.status, "IN_PROGRESS");
    assert.deepEqual((await requestsIn(emulator.url)).map((event) => event.RequestToken), [request.requestToken]);
  });

  it("when Cloud Control fails with a server fault (5xx), which may hide a write: the retry makes it, once", async () => {
    const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses(API_ID, ROUTE_ID, 4) });
    const gateway = await startTestGateway(emulator);
    const writes = writesOf(2, "fault", true);
    // The emulator fails these before serving them: nothing is written, but a 5xx cannot say so.
    emulator.setFaults({
      injectedErrors: (["CreateResource", "UpdateResource", "DeleteResource"] as const).map((operation) => ({
        operation,
        code: "ServiceInternalErrorException",
        status: 502,
        count: 2,
      })),
    });
    const answers = await Promise.all(writes.map((write) => send(gateway, write)));
    const handles = writes.map((write, index) => handleOf(write, answers[index] as GraphQLResponse));
    assert.deepEqual(answers.map((answer) => answer.errors?.[0]?.extensions?.awsErrorName), writes.map(() => "ServiceInternalErrorException"));
    assert.equal((await requestsIn(emulator.url)).length, 0);

    const first = await Promise.all(writes.map((write, index) => send(gateway, write, { clientToken: handles[index]?.clientToken })));
    const again = await Promise.all(writes.map((write, index) => send(gateway, write, { clientToken: handles[index]?.clientToken })));
    const tokensOf = (responses: GraphQLResponse[]) => responses.map((response) => (response.data as Json)?.write?.request?.requestToken as string);
    assert.equal(new Set(tokensOf(first)).size, writes.length, JSON.stringify(first.map((response) => response.errors)));
    assert.deepEqual(tokensOf(again), tokensOf(first), "a second retry answers the same requests");
    assert.deepEqual((await requestsIn(emulator.url)).map((event) => event.RequestToken).sort(), tokensOf(first).sort());
  });

  it("an update with `set` retried after it was applied: the original request for values, CONFLICT for a clear, never a second change", async () => {
    const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses(API_ID, ROUTE_ID, 2) });
    const gateway = await startTestGateway(emulator);
    const ids = (index: number) => ({ apiId: API_ID, routeId: ROUTE_ID, routeResponseId: responseIdAt(index) });
    const twice = async (input: Record<string, unknown>) => {
      const write: Write = { operation: "UPDATE", input, target: "" };
      const first = await send(gateway, write, { wait: true });
      const again = await send(gateway, write, { wait: true });
      return { first: (first.data as Json)?.write?.request?.requestToken as string, again };
    };
    // Values are `add` whatever was there: the same PatchDocument before and after, the original request.
    const present = await twice({ ...ids(1), set: { routeResponseKey: "renamed" }, clientToken: "set-present-1" });
    assert.equal((present.again.data as Json)?.write?.request?.requestToken, present.first);
    const absent = await twice({ ...ids(2), set: { modelSelectionExpression: "$request.body.kind" }, clientToken: "set-absent-1" });
    assert.equal((absent.again.data as Json)?.write?.request?.requestToken, absent.first);
    // Clearing depends on what is there: `remove` the first time, nothing to remove the second.
    const cleared = await twice({ ...ids(1), set: { routeResponseKey: "again", responseModels: null }, clientToken: "set-clear-1" });
    assert.ok(["CONFLICT", "BAD_USER_INPUT"].includes(String(cleared.again.errors?.[0]?.extensions?.code)), JSON.stringify(cleared.again.errors));
    const updates = (await requestsIn(emulator.url)).filter((event) => event.Operation === "UPDATE");
    assert.deepEqual(updates.map((event) => event.RequestToken).sort(), [present.first, absent.first, cleared.first].sort(), "each update made once");
  });

  it("but a write Cloud Control refused (4xx), or that never left, keeps its code: nothing was written", async () => {
    const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses(API_ID, ROUTE_ID, 1) });
    const gateway = await startTestGateway(emulator);
    const [create] = writesOf(1, "refused");
    emulator.setFaults({ injectedErrors: [{ operation: "CreateResource", code: "ThrottlingException", status: 400, count: 1 }] });
    const throttled = await send(gateway, create as Write);
    assert.equal(throttled.errors?.[0]?.extensions?.code, "THROTTLED");
    assert.equal(throttled.errors?.[0]?.extensions?.clientToken, undefined);

    // Not startTestEmulator: this one is closed here, before the gateway calls it.
    const closed = await startEmulator({ host: "127.0.0.1", port: 0 });
    const unreachable = await startTestGateway(closed);
    await closed.close();
    const refused = await send(unreachable, create as Write);
    assert.equal(refused.errors?.[0]?.extensions?.code, "UPSTREAM_ERROR");
    assert.equal(refused.errors?.[0]?.extensions?.clientToken, undefined);
    assert.equal((await requestsIn(emulator.url)).length, 0);
  });
});
