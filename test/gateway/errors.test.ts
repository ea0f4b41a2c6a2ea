// Every public error code that can be reached without the gateway's own authentication (which a
// later issue adds: UNAUTHENTICATED), through the real HTTP server: what the client sees, what AWS
// details it keeps, and what must never leak.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { DEMO_API_ID, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import type { CloudControlFacade } from "../../src/cloudcontrol/facade.js";
import { startEmulator } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import { codesOf, startTestGateway } from "./harness.js";

const emulator = await startTestEmulator({ seed: "demo" });
const gateway = await startTestGateway(emulator);

const READ = `{ routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}") { routeResponseKey } }`;

async function withInjected(operation: string, code: string, message: string, run: () => Promise<void>, status?: number): Promise<void> {
  emulator.setFaults({ injectedErrors: [{ operation: operation as "GetResource", code, message, status }] });
  try {
    await run();
  } finally {
    emulator.setFaults({ injectedErrors: [] });
  }
}

describe("error codes", () => {
  it("BAD_USER_INPUT: invalid arguments are refused before any Cloud Control call", async () => {
    const restricted = await startTestGateway(emulator, { config: { cloudControl: { allowedRegions: ["us-east-1", "eu-west-1"] } } });
    emulator.resetStats();
    const queries = [
      `{ routeResponse(apiId: "a|b", routeId: "r", routeResponseId: "x") { id } }`,
      `{ routeResponse(apiId: "", routeId: "r", routeResponseId: "x") { id } }`,
      `{ routeResponse(apiId: "a", routeId: "r", routeResponseId: "x", region: "US-EAST-1") { id } }`,
      `{ routeResponse(apiId: "a", routeId: "r", routeResponseId: "x", region: "us-east-1.evil.example") { id } }`,
      `{ routeResponses(apiId: "a", routeId: "r", region: "nowhere") { nodes { id } } }`,
      `{ resourceRequest(requestToken: "a b") { status } }`,
      `{ resourceRequest(requestToken: "ok", region: "mars-north-1x") { status } }`,
      `{ resourceRequests(first: 0) { nodes { status } } }`,
      `{ node(id: "bm9wZQ") { id } }`,
      `{ nodes(ids: [${Array.from({ length: 101 }, () => '"x"').join(",")}]) { id } }`,
    ];
    for (const query of queries) {
      const response = await gateway.query(query);
      assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"], query);
    }
    const outside = await restricted.query(`{ routeResponse(apiId: "a", routeId: "r", routeResponseId: "x", region: "ap-south-1") { id } }`);
    assert.deepEqual(codesOf(outside), ["BAD_USER_INPUT"]);
    assert.match(outside.errors?.[0]?.message ?? "", /us-east-1, eu-west-1/);
    assert.equal(emulator.stats().total, 0);
  });

  it("NOT_FOUND: a write on something missing (reads answer null instead)", async () => {
    const response = await gateway.query(
      `mutation { updateRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.connect}", routeResponseId: "gone001",
        patch: [{ op: REPLACE, path: "/RouteResponseKey", value: "x" }] }) { request { status } } }`,
    );
    assert.deepEqual(codesOf(response), ["NOT_FOUND"]);
    assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ResourceNotFoundException");
    assert.match(response.errors?.[0]?.extensions?.awsRequestId ?? "", /\S/);
  });

  it("CONFLICT: Cloud Control's conflicts keep the AWS error name", async () => {
    await withInjected("UpdateResource", "ResourceConflictException", "Conflict", async () => {
      const response = await gateway.query(
        `mutation { updateRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.connect}", routeResponseId: "${DEMO_ROUTE_RESPONSES.connectDefault}",
          patch: [{ op: ADD, path: "/ModelSelectionExpression", value: "x" }] }) { request { status } } }`,
      );
      assert.deepEqual(codesOf(response), ["CONFLICT"]);
      assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ResourceConflictException");
    });
  });

  it("THROTTLED: ThrottlingException, with the AWS request id", async () => {
    await withInjected("GetResource", "ThrottlingException", "Rate exceeded", async () => {
      const response = await gateway.query(READ);
      assert.deepEqual(codesOf(response), ["THROTTLED"]);
      assert.equal(response.errors?.[0]?.message, "Rate exceeded");
      assert.match(response.errors?.[0]?.extensions?.awsRequestId ?? "", /\S/);
    });
  });

  it("THROTTLED: the emulator's rate limit, on the calls past it only", async () => {
    const ids = ["a", "b", "c", "d", "e", "f"].map((suffix) => `zz${suffix}0001`);
    emulator.setFaults({ rateLimitPerSecond: 3 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      emulator.resetStats();
      const response = await gateway.query(
        `{ ${ids.map((id, index) => `r${index}: routeResponse(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.connect}", routeResponseId: "${id}") { id }`).join("\n")} }`,
      );
      const throttled = codesOf(response).filter((code) => code === "THROTTLED").length;
      assert.equal(throttled, 3, "six distinct reads against three per second");
      assert.equal(Object.values(response.data).filter((value) => value === null).length, 6, "missing or throttled: all null");
      assert.equal(emulator.stats().throttled, 3);
    } finally {
      emulator.setFaults({ rateLimitPerSecond: null });
    }
  });

  it("FORBIDDEN: AccessDeniedException, with ARNs kept out of the message", async () => {
    const message = "User: arn:aws:sts::123456789012:assumed-role/gateway/i-0abc is not authorized to perform: cloudformation:GetResource";
    await withInjected("GetResource", "AccessDeniedException", message, async () => {
      const response = await gateway.query(READ);
      assert.deepEqual(codesOf(response), ["FORBIDDEN"]);
      assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "AccessDeniedException");
      assert.match(response.errors?.[0]?.message ?? "", /not authorized to perform: cloudformation:GetResource/);
      assert.doesNotMatch(response.text, /assumed-role|arn:aws/);
    });
  });

  it("FORBIDDEN: credentials AWS does not recognise", async () => {
    const strict = await startTestEmulator({ seed: "demo", strictCredentials: [{ accessKeyId: "AKIDGOOD", secretAccessKey: "good" }] });
    const wrongKeys = await startTestGateway(strict, { credentials: { accessKeyId: "AKIDBAD", secretAccessKey: "bad" } });
    const response = await wrongKeys.query(READ);
    assert.deepEqual(codesOf(response), ["FORBIDDEN"]);
    assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "UnrecognizedClientException");
    const rightKeys = await startTestGateway(strict, { credentials: { accessKeyId: "AKIDGOOD", secretAccessKey: "good" } });
    assert.equal((await rightKeys.query(READ)).data.routeResponse.routeResponseKey, "$default");
  });

  it("UPSTREAM_ERROR: AWS's own failures", async () => {
    await withInjected("GetResource", "ServiceInternalErrorException", "Internal failure", async () => {
      const response = await gateway.query(READ);
      assert.deepEqual(codesOf(response), ["UPSTREAM_ERROR"]);
      assert.equal(response.errors?.[0]?.extensions?.awsErrorName, "ServiceInternalErrorException");
    });
    await withInjected("ListResources", "HandlerInternalFailureException", "Handler failed", async () => {
      const response = await gateway.query(`{ routeResponses(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.connect}") { nodes { id } } }`);
      assert.deepEqual(codesOf(response), ["UPSTREAM_ERROR"]);
    });
  });

  it("UPSTREAM_ERROR: Cloud Control cannot be reached", async () => {
    // Not startTestEmulator: this one is closed here, before the gateway calls it.
    const closed = await startEmulator({ host: "127.0.0.1", port: 0 });
    const unreachable = await startTestGateway(closed);
    await closed.close();
    const response = await unreachable.query(READ);
    assert.deepEqual(codesOf(response), ["UPSTREAM_ERROR"]);
    assert.match(response.errors?.[0]?.message ?? "", /could not be reached/);
  });

  it("UPSTREAM_TIMEOUT: no answer within CLOUDCONTROL_REQUEST_TIMEOUT_MS", async () => {
    const impatient = await startTestGateway(emulator, { config: { cloudControl: { requestTimeoutMs: 100 } } });
    emulator.setFaults({ latencyMs: 400 });
    try {
      const response = await impatient.query(READ);
      assert.deepEqual(codesOf(response), ["UPSTREAM_TIMEOUT"]);
    } finally {
      emulator.setFaults({ latencyMs: 0 });
    }
  });

  it("INTERNAL_SERVER_ERROR: a bug answers a fixed message, logged but never sent", async () => {
    const broken: CloudControlFacade = {
      getResource: async () => {
        throw new TypeError("secret detail: cannot read properties of undefined");
      },
      listResources: async () => ({ items: [], nextToken: null }),
      createResource: async () => {
        throw new Error("unused");
      },
      updateResource: async () => {
        throw new Error("unused");
      },
      deleteResource: async () => {
        throw new Error("unused");
      },
      getRequestStatus: async () => null,
      listRequests: async () => ({ requests: [], scanned: 0, nextToken: null }),
      cancelRequest: async () => {
        throw new Error("unused");
      },
    };
    const buggy = await startTestGateway(emulator, { cloudControl: broken });
    const response = await buggy.query(READ);
    assert.deepEqual(codesOf(response), ["INTERNAL_SERVER_ERROR"]);
    assert.equal(response.errors?.[0]?.message, "Internal server error");
    assert.deepEqual(response.errors?.[0]?.path, ["routeResponse"]);
    assert.doesNotMatch(response.text, /secret detail|TypeError|stacktrace|at /);
    assert.ok(buggy.logger.errors.some((error) => error instanceof TypeError), "the cause is logged");
  });
});

describe("request-level errors", () => {
  it("keeps Apollo's codes for documents that do not parse or validate", async () => {
    const parse = await gateway.query(`{ routeResponse(`);
    assert.equal(parse.status, 400);
    assert.deepEqual(codesOf(parse), ["GRAPHQL_PARSE_FAILED"]);
    const validation = await gateway.query(`{ routeResponse(apiId: "a") { nope } }`);
    assert.equal(validation.status, 400);
    assert.deepEqual([...new Set(codesOf(validation))], ["GRAPHQL_VALIDATION_FAILED"]);
    const variables = await gateway.query(`query($first: Int) { resourceRequests(first: $first) { nodes { status } } }`, { first: "many" });
    assert.deepEqual(codesOf(variables), ["BAD_USER_INPUT"]);
  });

  it("answers a body that is not JSON with 400 BAD_REQUEST", async () => {
    const response = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    assert.equal(body.errors[0]?.extensions.code, "BAD_REQUEST");
  });

  it("answers a body over 1 MiB with 413", async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }", padding: "x".repeat(1024 * 1024) }),
    });
    assert.equal(response.status, 413);
  });

  it("answers 404 away from /graphql", async () => {
    const response = await fetch(`${gateway.url}/other`);
    assert.equal(response.status, 404);
  });

  it("serves GET queries (with Apollo's CSRF prevention) and the same errors", async () => {
    const response = await fetch(`${gateway.graphqlUrl}?query=${encodeURIComponent("{ __typename }")}`, { headers: { "apollo-require-preflight": "1" } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { data: { __typename: "Query" } });
  });
});
