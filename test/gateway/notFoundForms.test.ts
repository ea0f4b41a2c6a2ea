// AWS answers a missing resource in two forms (reference §7): `ResourceNotFoundException`, and the
// bare code `ResourceNotFound` with the handler's "Handler returned status FAILED: ..." message. The
// emulator speaks either (the `bareNotFound` option); the gateway must answer both alike: a read of
// a missing route response is null, a write of one is NOT_FOUND.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { GetResourceCommand } from "@aws-sdk/client-cloudcontrol";
import { DEMO_API_ID, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { cloudControlClient, startTestEmulator } from "../support/emulator.js";
import { codesOf, startTestGateway } from "./harness.js";

const MISSING = { apiId: DEMO_API_ID, routeId: DEMO_ROUTES.sendMessage, routeResponseId: "zzz9999" };
const IDENTIFIER = `${MISSING.apiId}|${MISSING.routeId}|${MISSING.routeResponseId}`;
const READ = `query($apiId: String!, $routeId: String!, $routeResponseId: String!) {
  routeResponse(apiId: $apiId, routeId: $routeId, routeResponseId: $routeResponseId) { routeResponseKey } }`;
const UPDATE = `mutation($input: UpdateRouteResponseInput!) { updateRouteResponse(input: $input) { request { status } } }`;

const forms = [
  { name: "ResourceNotFoundException", options: {} },
  { name: "ResourceNotFound", options: { bareNotFound: true } },
] as const;

for (const form of forms) {
  describe(`a missing route response answered as ${form.name}`, async () => {
    const emulator = await startTestEmulator({ seed: "demo", ...form.options });
    const gateway = await startTestGateway(emulator);

    it("is how this emulator answers GetResource of it (through the real SDK)", async () => {
      const sdk = cloudControlClient(emulator);
      const error = await sdk.send(new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::RouteResponse", Identifier: IDENTIFIER })).then(
        () => assert.fail("GetResource of a missing route response succeeded"),
        (caught: unknown) => caught as Error,
      );
      assert.equal(error.name, form.name);
    });

    it("reads as null, without an error", async () => {
      emulator.resetStats();
      const response = await gateway.query(READ, MISSING);
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      assert.deepEqual(response.data, { routeResponse: null });
      assert.equal(emulator.stats().operations.GetResource.errors, 1, "the answer came from Cloud Control's not-found");
    });

    it("answers NOT_FOUND to an update with `set` (read first) and with a raw patch (UpdateResource)", async () => {
      const viaSet = await gateway.query(UPDATE, { input: { ...MISSING, set: { modelSelectionExpression: "$context.x" }, wait: true } });
      assert.deepEqual(codesOf(viaSet), ["NOT_FOUND"]);
      emulator.resetStats();
      const viaPatch = await gateway.query(UPDATE, {
        input: { ...MISSING, patch: [{ op: "ADD", path: "/ModelSelectionExpression", value: "$context.x" }], wait: true },
      });
      assert.deepEqual(codesOf(viaPatch), ["NOT_FOUND"]);
      assert.equal(emulator.stats().operations.UpdateResource.errors, 1, "the patch reached UpdateResource, which answered not found");
    });
  });
}
