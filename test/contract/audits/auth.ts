// Strict credentials: SigV4 verified against configured keys, answered as AWS answers
// (docs/emulator.md "Regions and credentials"). The SDK signs as it does for AWS; the audits vary
// only the key, the secret and the clock.
import * as assert from "node:assert/strict";
import { CreateResourceCommand, GetResourceCommand, ListResourcesCommand } from "@aws-sdk/client-cloudcontrol";
import { DEMO_API_ID, DEMO_REGION, DEMO_ROUTES, DEMO_WEST_API_ID, DEMO_WEST_REGION } from "../../../src/emulator/demoSeed.js";
import type { Audit } from "../audit.js";
import { emulatorOf } from "../audit.js";
import { expectServiceError } from "../expect.js";
import { assertRawError, rawCall } from "../raw.js";
import { API, ROUTE_RESPONSE, parseModel } from "../steps.js";

const getDemoApi = () => new GetResourceCommand({ TypeName: API, Identifier: DEMO_API_ID });
const FIFTEEN_MINUTES_AND_MORE = 20 * 60 * 1000;

export const authAudits: Audit[] = [
  {
    id: "CC-AUTH-VALID",
    level: "MUST",
    title: "In strict mode a request signed with a configured key is served, in the region of its credential scope",
    needs: "emulator",
    async run(t) {
      const { strict } = emulatorOf(t);
      const api = await strict.client(DEMO_REGION).send(getDemoApi());
      assert.equal(parseModel(api.ResourceDescription?.Properties, "the demo api").ApiId, DEMO_API_ID);
      const west = await strict.client(DEMO_WEST_REGION).send(new ListResourcesCommand({ TypeName: API }));
      assert.deepEqual(west.ResourceDescriptions?.map((item) => item.Identifier), [DEMO_WEST_API_ID]);
    },
  },
  {
    id: "CC-AUTH-MISSING",
    level: "MUST",
    title: "In strict mode a request without an Authorization header answers 400 MissingAuthenticationTokenException",
    needs: "emulator",
    async run(t) {
      const { strict } = emulatorOf(t);
      const answer = await rawCall(strict.running.url, {
        target: "CloudApiService.GetResource",
        body: { TypeName: API, Identifier: DEMO_API_ID },
      });
      assertRawError(answer, "MissingAuthenticationTokenException", 400);
    },
  },
  {
    id: "CC-AUTH-UNKNOWN-KEY",
    level: "MUST",
    title: "In strict mode an unknown access key answers 400 UnrecognizedClientException 'The security token included in the request is invalid.'",
    needs: "emulator",
    async run(t) {
      const { strict } = emulatorOf(t);
      const client = strict.client(DEMO_REGION, {
        credentials: { accessKeyId: "AKIDNOTCONFIGURED", secretAccessKey: strict.credentials.secretAccessKey },
        maxAttempts: 1,
      });
      await expectServiceError(client.send(getDemoApi()), {
        name: "UnrecognizedClientException",
        status: 400,
        message: "The security token included in the request is invalid.",
      });
    },
  },
  {
    id: "CC-AUTH-BAD-SIGNATURE",
    level: "MUST",
    title: "In strict mode a signature made with the wrong secret answers 400 InvalidSignatureException, and the request does nothing",
    needs: "emulator",
    async run(t) {
      const { strict } = emulatorOf(t);
      const forged = strict.client(DEMO_REGION, {
        credentials: { accessKeyId: strict.credentials.accessKeyId, secretAccessKey: "not-the-secret" },
        maxAttempts: 1,
      });
      const mismatch = {
        name: "InvalidSignatureException",
        status: 400,
        messageStartsWith: "The request signature we calculated does not match",
      } as const;
      await expectServiceError(forged.send(getDemoApi()), mismatch);
      const model = { ApiId: DEMO_API_ID, RouteId: DEMO_ROUTES.disconnect };
      await expectServiceError(
        forged.send(
          new CreateResourceCommand({ TypeName: ROUTE_RESPONSE, DesiredState: JSON.stringify({ ...model, RouteResponseKey: "$default" }) }),
        ),
        mismatch,
      );
      const listed = await strict.client(DEMO_REGION).send(
        new ListResourcesCommand({ TypeName: ROUTE_RESPONSE, ResourceModel: JSON.stringify(model) }),
      );
      assert.deepEqual(listed.ResourceDescriptions, [], "the forged create made a route response");
    },
  },
  {
    id: "CC-AUTH-EXPIRED",
    level: "MUST",
    title: "In strict mode an X-Amz-Date more than 15 minutes away answers 400 InvalidSignatureException ('Signature expired ...' for a past date)",
    needs: "emulator",
    async run(t) {
      const { strict } = emulatorOf(t);
      const past = strict.client(DEMO_REGION, { systemClockOffset: -FIFTEEN_MINUTES_AND_MORE, maxAttempts: 1 });
      await expectServiceError(past.send(getDemoApi()), {
        name: "InvalidSignatureException",
        status: 400,
        messageStartsWith: "Signature expired",
      });
      // AWS words a date in the future "Signature not yet current: ..."; docs/emulator.md says
      // "Signature expired ..." for both sides. Either wording passes; the code and status must hold.
      const future = strict.client(DEMO_REGION, { systemClockOffset: FIFTEEN_MINUTES_AND_MORE, maxAttempts: 1 });
      const error = await expectServiceError(future.send(getDemoApi()), { name: "InvalidSignatureException", status: 400 });
      assert.ok(/^Signature (expired|not yet current)/.test(error.message), error.message);
    },
  },
];
