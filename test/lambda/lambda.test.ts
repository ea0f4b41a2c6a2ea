// The Lambda entry, invoked as API Gateway (HTTP API, payload 2.0) invokes it, with events of the
// recorded shape under fixtures/, against the emulator: same schema, same authentication, same calls.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { hashApiKey } from "../../src/auth/apiKeys.js";
import { createLambdaGateway } from "../../src/lambda.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
import { RecordingLogger } from "../gateway/harness.js";

const API_KEY = "lambda-test-key-0123456789";
const emulator = await startTestEmulator({ seed: "demo" });
const logger = new RecordingLogger();
const lambda = createLambdaGateway({
  env: {
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url,
    AUTH_API_KEYS: JSON.stringify([{ name: "lambda-test", hash: hashApiKey(API_KEY), scopes: ["routeresponses:read", "routeresponses:write"] }]),
    IDE: "off",
    WAIT_POLL_MIN_DELAY_MS: "20",
  },
  credentials: TEST_CREDENTIALS,
  logger,
});
after(() => lambda.gateway.stop());

/** A fixture (source tree, not dist/), with the test's API key in place of the placeholder. */
function fixture(name: string, apiKey: string | null = API_KEY): APIGatewayProxyEventV2 {
  const path = fileURLToPath(new URL(`../../../test/lambda/fixtures/${name}`, import.meta.url));
  const event = JSON.parse(readFileSync(path, "utf8")) as APIGatewayProxyEventV2;
  if (apiKey === null) delete event.headers["x-api-key"];
  else event.headers["x-api-key"] = apiKey;
  return event;
}

const context: Context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: "routeresponse-gateway",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:routeresponse-gateway",
  memoryLimitInMB: "512",
  awsRequestId: "6f1c2a9e-4b7d-4c1e-9a55-0c3b2f1d7e88",
  logGroupName: "/aws/lambda/routeresponse-gateway",
  logStreamName: "2024/07/30/[$LATEST]4f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b",
  getRemainingTimeInMillis: () => 29_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
};

async function invoke(event: APIGatewayProxyEventV2) {
  const result = await lambda.handler(event, context);
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body ?? "null") as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
}

describe("the Lambda handler (API Gateway HTTP API, payload 2.0)", () => {
  it("answers a POSTed query with one GetResource", async () => {
    emulator.resetStats();
    const { status, headers, body } = await invoke(fixture("post-query.json"));
    assert.equal(status, 200);
    assert.match(String(headers["content-type"]), /json/);
    assert.deepEqual(body, {
      data: {
        routeResponse: {
          identifier: "chat7a1b2c|send001|rrs0001",
          routeResponseKey: "$default",
          responseModels: [{ contentType: "application/json", modelName: "MessageAck" }],
        },
      },
    });
    assert.equal(emulator.stats().operations.GetResource.calls, 1);
  });

  it("decodes a base64 body and runs a mutation that waits for its request", async () => {
    emulator.resetStats();
    const { status, body } = await invoke(fixture("post-mutation-base64.json"));
    assert.equal(status, 200);
    assert.deepEqual(body, { data: { updateRouteResponse: { request: { operation: "UPDATE", status: "SUCCESS" }, routeResponse: { modelSelectionExpression: "failure" } } } });
    assert.equal(emulator.stats().operations.UpdateResource.calls, 1);
  });

  it("answers a GET query (with the CSRF preflight header) from one ListResources", async () => {
    emulator.resetStats();
    const { status, body } = await invoke(fixture("get-query.json"));
    assert.equal(status, 200);
    assert.deepEqual(body, {
      data: { routeResponses: { nodes: [{ identifier: "chat7a1b2c|send001|rrs0001" }], pageInfo: { hasNextPage: false } } },
    });
    const stats = emulator.stats();
    assert.equal(stats.operations.ListResources.calls, 1);
    assert.equal(stats.operations.GetResource.calls, 0);
  });

  it("refuses an event without credentials, before any Cloud Control call", async () => {
    emulator.resetStats();
    const { status, body } = await invoke(fixture("post-query.json", null));
    assert.equal(status, 401);
    assert.deepEqual(body.errors?.map((error) => error.extensions?.code), ["UNAUTHENTICATED"]);
    assert.equal(emulator.stats().total, 0);
  });
});
