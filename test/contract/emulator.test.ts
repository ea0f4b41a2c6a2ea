// The contract suite against the local emulator, over loopback, through the real SDK. Three
// emulators, all seeded with the demo: one whose writes finish at once (most audits), one whose
// writes stay IN_PROGRESS for SLOW_WRITE_MS (cancellation, concurrency, in-flight idempotency,
// waiter polling), and one in strict-credentials mode. The target route is the demo's $disconnect
// route, which holds no route response.
import * as assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import { DEMO_API_ID, DEMO_REGION, DEMO_ROUTES, DEMO_WEST_REGION } from "../../src/emulator/demoSeed.js";
import type { RunningEmulator } from "../../src/emulator/options.js";
import { cloudControlClient, startTestEmulator } from "../support/emulator.js";
import type { ClientOverrides, StrictEmulator } from "./audit.js";
import { auditName, audits, duplicateAuditIds } from "./audits.js";
import { drainCleanup, makeTarget } from "./target.js";
import type { TargetSettings } from "./target.js";

const SLOW_WRITE_MS = 1000;
const AUDIT_TIMEOUT_MS = 60_000;
const STRICT_KEY = { accessKeyId: "AKIDCONTRACTSTRICT", secretAccessKey: "contract-strict-secret" };
const NO_FAULTS = { latencyMs: 0, jitterMs: 0, rateLimitPerSecond: null, injectedErrors: [] };

const fast = await startTestEmulator({ seed: "demo", writeDurationMs: 0 });
const slow = await startTestEmulator({ seed: "demo", writeDurationMs: SLOW_WRITE_MS });
const strict = await startTestEmulator({ seed: "demo", strictCredentials: [STRICT_KEY] });

const cleanup: Array<() => Promise<void>> = [];

const settingsFor = (name: string, running: RunningEmulator): TargetSettings => ({
  name,
  region: DEMO_REGION,
  otherRegion: DEMO_WEST_REGION,
  apiId: DEMO_API_ID,
  routeId: DEMO_ROUTES.disconnect,
  maxWaitSeconds: 10,
  pollIntervalMs: 25,
  newClient: (region: string, overrides: ClientOverrides) => cloudControlClient(running, region, overrides),
  cleanup,
});

const strictClients = new Map<string, CloudControlClient>();
const strictSide: StrictEmulator = {
  running: strict,
  credentials: STRICT_KEY,
  client(region = DEMO_REGION, overrides?: ClientOverrides) {
    if (overrides !== undefined) return cloudControlClient(strict, region, { credentials: STRICT_KEY, ...overrides });
    let client = strictClients.get(region);
    if (client === undefined) {
      client = cloudControlClient(strict, region, { credentials: STRICT_KEY });
      strictClients.set(region, client);
    }
    return client;
  },
};

const slowTarget = makeTarget(settingsFor("emulator (slow writes)", slow));
const target = makeTarget(settingsFor("emulator", fast));
slowTarget.emulator = { running: slow, slow: slowTarget, slowWriteMs: SLOW_WRITE_MS, strict: strictSide };
target.emulator = { running: fast, slow: slowTarget, slowWriteMs: SLOW_WRITE_MS, strict: strictSide };

describe("Cloud Control contract: the emulator", () => {
  afterEach(async () => {
    fast.setFaults(NO_FAULTS);
    slow.setFaults(NO_FAULTS);
    await drainCleanup(cleanup);
  });

  it("the audit list is well-formed: unique CC-* ids, a level and a title each", () => {
    assert.deepEqual(duplicateAuditIds(audits), []);
    assert.ok(audits.length > 0);
    for (const audit of audits) {
      assert.match(audit.id, /^CC-[A-Z0-9]+(-[A-Z0-9]+)+$/, audit.id);
      assert.ok(audit.level === "MUST" || audit.level === "SHOULD", audit.id);
      assert.ok(audit.title.length > 0, audit.id);
    }
  });

  for (const audit of audits) {
    it(auditName(audit), { timeout: AUDIT_TIMEOUT_MS }, () => audit.run(target));
  }
});
