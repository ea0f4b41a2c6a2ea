// The contract suite against real AWS: opt-in, and skipped (with no network traffic at all) unless
//
//   CC_CONTRACT_AWS=1
//   CC_CONTRACT_REGION=eu-central-1             the region of the API
//   CC_CONTRACT_API_ID=abcde12345               an existing WebSocket API
//   CC_CONTRACT_ROUTE_ID=abc1234                a route of it that holds no route response
//   CC_CONTRACT_OTHER_REGION=us-west-2          optional: a region where that API does not exist
//
// are set. Credentials come from the SDK's standard chain (AWS_PROFILE, environment, SSO, ...). The
// caller needs cloudformation:*Resource*, cloudformation:*ResourceRequest* and apigateway:GET/POST/
// PATCH/PUT/DELETE. Audits create and delete `$default` route responses on that route, one at a time,
// and delete what they made after each audit; audits that need the emulator are not run.
//
//   npm run build && CC_CONTRACT_AWS=1 CC_CONTRACT_REGION=... CC_CONTRACT_API_ID=... \
//     CC_CONTRACT_ROUTE_ID=... node --test dist/test/contract/aws.test.js
import * as assert from "node:assert/strict";
import { after, afterEach, describe, it } from "node:test";
import { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import type { ClientOverrides } from "./audit.js";
import { auditName, audits } from "./audits.js";
import { routeResponsesOfTargetRoute } from "./steps.js";
import { drainCleanup, makeTarget } from "./target.js";

const REQUIRED = ["CC_CONTRACT_REGION", "CC_CONTRACT_API_ID", "CC_CONTRACT_ROUTE_ID"] as const;
const HOW_TO_ENABLE = `set CC_CONTRACT_AWS=1 and ${REQUIRED.join(", ")} (see the top of test/contract/aws.test.ts)`;
const AUDIT_TIMEOUT_MS = 15 * 60_000;

const env = process.env;
const missing = REQUIRED.filter((name) => (env[name] ?? "") === "");
const enabled = env.CC_CONTRACT_AWS === "1" && missing.length === 0;

if (!enabled) {
  it("the contract suite against real AWS", { skip: HOW_TO_ENABLE }, () => {});
} else {
  const region = env.CC_CONTRACT_REGION ?? "";
  const otherRegion = env.CC_CONTRACT_OTHER_REGION ?? (region === "us-west-2" ? "us-east-1" : "us-west-2");
  const clients: CloudControlClient[] = [];
  after(() => {
    for (const client of clients) client.destroy();
  });
  const cleanup: Array<() => Promise<void>> = [];
  const target = makeTarget({
    name: "aws",
    region,
    otherRegion,
    apiId: env.CC_CONTRACT_API_ID ?? "",
    routeId: env.CC_CONTRACT_ROUTE_ID ?? "",
    maxWaitSeconds: 300,
    pollIntervalMs: 2000,
    newClient: (clientRegion: string, overrides: ClientOverrides) => {
      const client = new CloudControlClient({ region: clientRegion, ...overrides });
      clients.push(client);
      return client;
    },
    cleanup,
  });

  describe(`Cloud Control contract: AWS ${region}`, () => {
    afterEach(() => drainCleanup(cleanup));

    it("the target route holds no route response, as the audits assume", async () => {
      assert.deepEqual(await routeResponsesOfTargetRoute(target), [], "delete the route's route responses first");
    });

    for (const audit of audits) {
      if (audit.needs === "emulator") continue;
      it(auditName(audit), { timeout: AUDIT_TIMEOUT_MS }, () => audit.run(target));
    }
  });
}
