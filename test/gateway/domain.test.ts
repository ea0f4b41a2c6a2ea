// The pure parts below the resolvers: identifiers, patches, node ids, cursors and paging, waiting,
// and error classification and formatting. Fast, no servers.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { classifyCloudControlError } from "../../src/cloudcontrol/errors.js";
import { isAwsRegion } from "../../src/cloudcontrol/awsRegions.js";
import { createRegionPolicy } from "../../src/cloudcontrol/region.js";
import type { ResourceRequestModel } from "../../src/cloudcontrol/resourceRequest.js";
import { waitForRequest } from "../../src/cloudcontrol/waitForRequest.js";
import { ErrorCode, GatewayError, createErrorFormatter } from "../../src/errors.js";
import { decodeCursor, encodeCursor } from "../../src/resolvers/relay/cursor.js";
import { decodeNodeId, encodeNodeId } from "../../src/resolvers/relay/nodeId.js";
import { paginate } from "../../src/resolvers/relay/paginate.js";
import { DEMO_API_ID, DEMO_ROUTE_RESPONSES, DEMO_ROUTES, DEMO_WEST_API_ID, DEMO_WEST_ROUTE_ID, DEMO_WEST_ROUTE_RESPONSE_ID } from "../../src/emulator/demoSeed.js";
import { MAX_ID_LENGTH, checkIdentifierPart, checkRawPatch, desiredStateOf, parseRouteResponseIdentifier, patchForChanges } from "../../src/routeResponses/index.js";
import { HOSTILE_IDS } from "../support/hostileIds.js";
import { RecordingLogger } from "./harness.js";

/** The GatewayError `run` throws; fails the test when it throws none. */
function thrown(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof GatewayError, `not a GatewayError: ${String(error)}`);
    return error;
  }
  assert.fail("expected a GatewayError");
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof GatewayError ? error.code : `not a GatewayError: ${String(error)}`;
  }
  return undefined;
}

describe("route response identifiers", () => {
  it("parse ApiId|RouteId|RouteResponseId", () => {
    assert.deepEqual(parseRouteResponseIdentifier("a1|r1|rr1"), { apiId: "a1", routeId: "r1", routeResponseId: "rr1" });
  });

  it("reject empty parts and the wrong number of parts", () => {
    for (const bad of ["", "a|b", "a|b|c|d", "a||c", "|b|c", "a|b|", " a|b|c"]) {
      assert.equal(codeOf(() => parseRouteResponseIdentifier(bad)), ErrorCode.BAD_USER_INPUT, bad);
    }
  });
});

describe("API Gateway ids", () => {
  it("accept what API Gateway, the emulator and the demo seed issue", () => {
    const issued = [
      DEMO_API_ID,
      DEMO_WEST_API_ID,
      DEMO_WEST_ROUTE_ID,
      DEMO_WEST_ROUTE_RESPONSE_ID,
      ...Object.values(DEMO_ROUTES),
      ...Object.values(DEMO_ROUTE_RESPONSES),
      "aabbccddee",
      "1122334",
      "abcdef",
      "a".repeat(MAX_ID_LENGTH),
    ];
    for (const id of issued) assert.equal(checkIdentifierPart("apiId", id), id);
  });

  it("refuse everything else with BAD_USER_INPUT naming the argument, never echoing the value", () => {
    for (const [name, id] of HOSTILE_IDS) {
      const error = thrown(() => checkIdentifierPart("input.routeId", id));
      assert.equal(error.code, ErrorCode.BAD_USER_INPUT, name);
      assert.match(error.message, /^input\.routeId (must|is)/, name);
      if (id !== "") assert.equal(error.message.includes(id), false, name);
    }
    assert.equal(thrown(() => checkIdentifierPart("apiId", "a".repeat(1000))).message, "apiId is 1000 characters long; an API Gateway id has at most 32.");
    assert.equal(
      thrown(() => checkIdentifierPart("apiId", "../../etc")).message,
      "apiId must be an API Gateway id: lower-case letters a-z and digits 0-9 only, such as a1b2c3d4e5.",
    );
  });

  it("are checked in each part of an identifier and of a node id", () => {
    const regions = createRegionPolicy({ defaultRegion: "us-east-1", isKnownRegion: isAwsRegion });
    const forge = (identifier: string) => Buffer.from(JSON.stringify([1, "RouteResponse", "us-east-1", identifier])).toString("base64url");
    for (const [name, id] of HOSTILE_IDS) {
      for (const identifier of [`${id}|send001|rrs0001`, `chat7a1b2c|${id}|rrs0001`, `chat7a1b2c|send001|${id}`]) {
        assert.equal(codeOf(() => parseRouteResponseIdentifier(identifier)), ErrorCode.BAD_USER_INPUT, `${name}: ${identifier}`);
        const error = thrown(() => decodeNodeId(forge(identifier), regions));
        assert.equal(error.code, ErrorCode.BAD_USER_INPUT, name);
        assert.match(error.message, /^id "[A-Za-z0-9_-]+(\.\.\.)?" is not a node id of this API\. /, name);
      }
    }
    const bidi = thrown(() => decodeNodeId("\u202Eabc", regions));
    assert.equal(bidi.message, "id (4 characters, not base64url) is not a node id of this API: pass an `id` it returned, unchanged.");
    assert.equal(codeOf(() => decodeNodeId(Buffer.from(JSON.stringify([1, "RouteResponse", "us-\u202Eeast-1", "a|b|c"])).toString("base64url"), regions)), ErrorCode.BAD_USER_INPUT);
  });

  it("are checked in the value of a patch `test` of an id property, and only there", () => {
    for (const [name, id] of HOSTILE_IDS) {
      for (const path of ["/ApiId", "RouteId", "/RouteResponseId"]) {
        const error = thrown(() => checkRawPatch([{ op: "ADD", path: "/ModelSelectionExpression", value: "x" }, { op: "TEST", path, value: id }]));
        assert.equal(error.code, ErrorCode.BAD_USER_INPUT, `${name} ${path}`);
        assert.match(error.message, /^patch\[1\]\.value (must|is)/, `${name} ${path}`);
      }
    }
    assert.equal(thrown(() => checkRawPatch([{ op: "TEST", path: "/ApiId", value: 7 }])).message, "patch[0].value must be a string: ApiId is an API Gateway id.");
    assert.deepEqual(checkRawPatch([{ op: "TEST", path: "/ApiId", value: DEMO_API_ID }]), [{ op: "test", path: "/ApiId", value: DEMO_API_ID }]);
    // Other properties hold other values: a test of the key compares with any string.
    assert.deepEqual(checkRawPatch([{ op: "TEST", path: "/RouteResponseKey", value: "$default" }]), [{ op: "test", path: "/RouteResponseKey", value: "$default" }]);
  });
});

describe("patch builder", () => {
  it("uses add for absent properties, replace for present ones, remove and add \"\" to clear", () => {
    const current = { ApiId: "a", RouteId: "r", RouteResponseId: "x", RouteResponseKey: "$default", ModelSelectionExpression: "e", ResponseModels: { a: "b" } };
    assert.deepEqual(
      patchForChanges(current, {
        routeResponseKey: "k",
        modelSelectionExpression: null,
        responseModels: null,
        responseParameters: [{ name: "p", required: true }],
      }),
      [
        { op: "add", path: "/RouteResponseKey", value: "k" },
        { op: "add", path: "/ModelSelectionExpression", value: "" },
        { op: "remove", path: "/ResponseModels" },
        { op: "add", path: "/ResponseParameters", value: { p: { Required: true } } },
      ],
    );
  });

  it("needs no operation to clear what is already absent", () => {
    assert.deepEqual(patchForChanges({ RouteResponseKey: "k" }, { modelSelectionExpression: null, responseParameters: null }), []);
  });

  it("normalises raw paths, rewrites remove of ModelSelectionExpression, drops unused members", () => {
    assert.deepEqual(
      checkRawPatch([
        { op: "ADD", path: "ResponseModels/text~1plain", value: "T", from: "/ignored" },
        { op: "REMOVE", path: "/ModelSelectionExpression", value: 1 },
        { op: "COPY", from: "/ResponseModels", path: "/ResponseParameters" },
        { op: "TEST", path: "/ApiId", value: "a" },
      ]),
      [
        { op: "add", path: "/ResponseModels/text~1plain", value: "T" },
        { op: "add", path: "/ModelSelectionExpression", value: "" },
        { op: "copy", path: "/ResponseParameters", from: "/ResponseModels" },
        { op: "test", path: "/ApiId", value: "a" },
      ],
    );
  });

  it("rejects writes of create-only and read-only properties, unknown properties and bad pointers", () => {
    const cases = [
      { op: "REPLACE", path: "/ApiId", value: "b" },
      { op: "ADD", path: "/RouteId/x", value: "b" },
      { op: "REMOVE", path: "/RouteResponseId" },
      { op: "MOVE", from: "/RouteResponseId", path: "/RouteResponseKey" },
      { op: "ADD", path: "/Tags", value: {} },
      { op: "ADD", path: "/ResponseModels/~", value: "x" },
      { op: "ADD", path: "", value: {} },
      { op: "REPLACE", path: "/RouteResponseKey" },
      { op: "MOVE", path: "/RouteResponseKey" },
    ] as const;
    for (const operation of cases) {
      assert.equal(codeOf(() => checkRawPatch([operation])), ErrorCode.BAD_USER_INPUT, JSON.stringify(operation));
    }
  });

  it("builds a create's desired state without empty or duplicated entries", () => {
    assert.deepEqual(desiredStateOf({ apiId: "a", routeId: "r", routeResponseKey: "$default", modelSelectionExpression: "" }), {
      ApiId: "a",
      RouteId: "r",
      RouteResponseKey: "$default",
    });
    assert.equal(
      codeOf(() => desiredStateOf({ apiId: "a", routeId: "r", routeResponseKey: "k", responseModels: [{ contentType: "x", modelName: "1" }, { contentType: "x", modelName: "2" }] })),
      ErrorCode.BAD_USER_INPUT,
    );
  });
});

describe("node ids and cursors", () => {
  const regions = createRegionPolicy({ defaultRegion: "us-east-1", isKnownRegion: isAwsRegion });

  it("node ids round-trip and are base64url", () => {
    const ref = { type: "RouteResponse", region: "eu-west-1", identifier: "a|b|c" } as const;
    const id = encodeNodeId(ref);
    assert.match(id, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeNodeId(id, regions), ref);
  });

  it("node ids that were not made here are BAD_USER_INPUT", () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const id of ["", "x", `${encodeNodeId({ type: "RouteResponse", region: "us-east-1", identifier: "a|b|c" })}=`, forge([2, "RouteResponse", "us-east-1", "a|b|c"]), forge([1, "Api", "us-east-1", "a|b|c"]), forge([1, "RouteResponse", "../..", "a|b|c"]), forge([1, "RouteResponse", "us-east-1", "a|b"])]) {
      assert.equal(codeOf(() => decodeNodeId(id, regions)), ErrorCode.BAD_USER_INPUT, id);
    }
  });

  it("cursors belong to one listing", () => {
    const cursor = encodeCursor("scope-a", { token: "t", offset: 3 });
    assert.deepEqual(decodeCursor("scope-a", cursor), { token: "t", offset: 3 });
    assert.equal(codeOf(() => decodeCursor("scope-b", cursor)), ErrorCode.BAD_USER_INPUT);
  });
});

describe("paginate", () => {
  /** Pages as the source answers them; records the tokens it was asked for. */
  function source(pages: string[][]) {
    const asked: Array<string | null> = [];
    return {
      asked,
      fetchPage: async (token: string | null) => {
        asked.push(token);
        const index = token === null ? 0 : Number(token);
        return { items: pages[index] ?? [], nextToken: index + 1 < pages.length ? String(index + 1) : null };
      },
    };
  }

  it("stops scanning after maxPages and says where to continue, even with no edges", async () => {
    const pages = [[], [], [], ["found"]];
    const first = source(pages);
    const page = await paginate({ first: 5, after: null, scope: "s", maxPages: 2, keyOf: String, fetchPage: first.fetchPage });
    assert.deepEqual(page.edges, []);
    assert.equal(page.pageInfo.hasNextPage, true);
    assert.deepEqual(first.asked, [null, "1"]);
    const next = source(pages);
    const rest = await paginate({ first: 5, after: page.pageInfo.endCursor, scope: "s", maxPages: 2, keyOf: String, fetchPage: next.fetchPage });
    assert.deepEqual(rest.edges.map((edge) => edge.node), ["found"]);
    assert.deepEqual(next.asked, ["2", "3"]);
    assert.equal(rest.pageInfo.hasNextPage, false);
  });

  it("resumes after the cursor's item even when items were added before it", async () => {
    const before = source([["c", "b", "a"]]);
    const page = await paginate({ first: 2, after: null, scope: "s", keyOf: String, fetchPage: before.fetchPage });
    assert.deepEqual(page.edges.map((edge) => edge.node), ["c", "b"]);
    const after = source([["e", "d", "c", "b", "a"]]);
    const next = await paginate({ first: 2, after: page.pageInfo.endCursor, scope: "s", keyOf: String, fetchPage: after.fetchPage });
    assert.deepEqual(next.edges.map((edge) => edge.node), ["a"]);
  });
});

describe("waitForRequest", () => {
  const request = (status: ResourceRequestModel["status"], identifier: string | null = null): ResourceRequestModel => ({
    region: "us-east-1",
    typeName: "AWS::ApiGatewayV2::RouteResponse",
    requestToken: "t",
    operation: "CREATE",
    status,
    identifier,
    statusMessage: null,
    errorCode: null,
    eventTime: null,
    retryAfter: null,
    resourceModel: null,
  });

  /** A clock that only moves when the code sleeps: delays are recorded, not waited. */
  function fakeClock() {
    let now = 0;
    const sleeps: number[] = [];
    return {
      sleeps,
      clock: { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) },
    };
  }

  it("polls with doubling delays until done, keeping the identifier it learns", async () => {
    const { clock, sleeps } = fakeClock();
    const answers = [request("IN_PROGRESS"), null, request("IN_PROGRESS"), request("SUCCESS", "a|b|c")];
    const done = await waitForRequest(request("IN_PROGRESS"), async () => answers.shift() ?? null, { timeoutMs: 10_000, minDelayMs: 100, maxDelayMs: 300 }, clock);
    assert.equal(done.status, "SUCCESS");
    assert.equal(done.identifier, "a|b|c");
    assert.deepEqual(sleeps, [100, 200, 300, 300]);
  });

  it("returns the running request at the deadline, and survives throttled polls", async () => {
    const { clock, sleeps } = fakeClock();
    let polls = 0;
    const result = await waitForRequest(
      request("IN_PROGRESS"),
      async () => {
        polls += 1;
        throw new GatewayError(ErrorCode.THROTTLED, "Rate exceeded");
      },
      { timeoutMs: 1000, minDelayMs: 300, maxDelayMs: 1000 },
      clock,
    );
    assert.equal(result.status, "IN_PROGRESS");
    assert.deepEqual(sleeps, [300, 600, 100]);
    assert.equal(polls, 3);
  });

  it("stops at once on an error that waiting cannot fix", async () => {
    const { clock } = fakeClock();
    await assert.rejects(
      waitForRequest(request("IN_PROGRESS"), async () => {
        throw new GatewayError(ErrorCode.FORBIDDEN, "no");
      }, { timeoutMs: 1000, minDelayMs: 10, maxDelayMs: 10 }, clock),
      (error: unknown) => error instanceof GatewayError && error.code === ErrorCode.FORBIDDEN,
    );
  });
});

describe("classifyCloudControlError", () => {
  const awsError = (name: string, message = "m") => Object.assign(new Error(message), { name, $fault: "client", $metadata: { requestId: "req-1" } });

  it("maps AWS error names to public codes and keeps the name and request id", () => {
    const expected: Record<string, string> = {
      ResourceNotFoundException: "NOT_FOUND",
      ClientTokenConflictException: "CONFLICT",
      ConcurrentOperationException: "CONFLICT",
      ConcurrentModificationException: "CONFLICT",
      ResourceConflictException: "CONFLICT",
      AlreadyExistsException: "CONFLICT",
      ThrottlingException: "THROTTLED",
      AccessDeniedException: "FORBIDDEN",
      InvalidCredentialsException: "FORBIDDEN",
      UnrecognizedClientException: "FORBIDDEN",
      ValidationException: "BAD_USER_INPUT",
      InvalidRequestException: "BAD_USER_INPUT",
      NotUpdatableException: "BAD_USER_INPUT",
      GeneralServiceException: "UPSTREAM_ERROR",
      ServiceInternalErrorException: "UPSTREAM_ERROR",
      SomethingNewException: "UPSTREAM_ERROR",
    };
    for (const [name, code] of Object.entries(expected)) {
      const classified = classifyCloudControlError(awsError(name));
      assert.equal(classified.code, code, name);
      assert.deepEqual(classified.extensions, { code, awsErrorName: name, awsRequestId: "req-1" });
    }
  });

  it("maps timeouts, network failures and non-AWS errors", () => {
    assert.equal(classifyCloudControlError(Object.assign(new Error("t"), { name: "TimeoutError" })).code, "UPSTREAM_TIMEOUT");
    assert.equal(classifyCloudControlError(Object.assign(new Error("c"), { code: "ECONNREFUSED" })).code, "UPSTREAM_ERROR");
    assert.equal(classifyCloudControlError(new TypeError("bug")).code, "INTERNAL_SERVER_ERROR");
  });
});

describe("formatError", () => {
  it("keeps public codes, passes Apollo's request codes, hides everything else", () => {
    const logger = new RecordingLogger();
    const format = createErrorFormatter(logger);
    const gatewayError = new GatewayError(ErrorCode.THROTTLED, "slow down", { awsErrorName: "ThrottlingException", awsRequestId: "r" });
    assert.deepEqual(format({ message: "x", path: ["a"] }, { originalError: gatewayError }), {
      message: "slow down",
      locations: undefined,
      path: ["a"],
      extensions: { code: "THROTTLED", awsErrorName: "ThrottlingException", awsRequestId: "r" },
    });
    assert.equal(format({ message: "Syntax Error", extensions: { code: "GRAPHQL_PARSE_FAILED" } }, new Error("x")).extensions?.code, "GRAPHQL_PARSE_FAILED");
    const hidden = format({ message: "secret", extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } }, { originalError: new Error("secret") });
    assert.deepEqual(hidden, { message: "Internal server error", locations: undefined, path: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    assert.equal(logger.errors.length, 1);
  });

  it("codes Apollo's uncoded APQ mismatch, and only Apollo's own: the same text from a resolver stays internal", () => {
    const logger = new RecordingLogger();
    const format = createErrorFormatter(logger);
    const apollos = new Error("provided sha does not match query");
    const formatted = { message: "provided sha does not match query", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    assert.equal(format(formatted, apollos).extensions?.code, "PERSISTED_QUERY_HASH_MISMATCH");
    assert.equal(format({ ...formatted, path: ["routeResponse"] }, apollos).extensions?.code, "INTERNAL_SERVER_ERROR");
    assert.equal(format(formatted, { originalError: new Error("provided sha does not match query") }).extensions?.code, "INTERNAL_SERVER_ERROR");
    assert.equal(logger.errors.length, 2);
  });
});
