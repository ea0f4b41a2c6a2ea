// The emulator's fault injection and observation (docs/emulator.md "Faults and observation"), seen
// through the SDK's own behaviour: its retry of a 429, and what a caller without retries sees.
import * as assert from "node:assert/strict";
import { GetResourceCommand, ListResourcesCommand, ThrottlingException } from "@aws-sdk/client-cloudcontrol";
import type { Audit } from "../audit.js";
import { emulatorOf } from "../audit.js";
import { assertFailed, expectServiceError, statsDelta } from "../expect.js";
import { asRecord, rawCall } from "../raw.js";
import { API, MISSING_ROUTE_RESPONSE_ID, ROUTE_RESPONSE, errorName, routeResponseIdentifier, sleep } from "../steps.js";

const NO_FAULTS = { latencyMs: 0, jitterMs: 0, rateLimitPerSecond: null, injectedErrors: [] };

export const faultAudits: Audit[] = [
  {
    id: "CC-FAULT-RETRY-429",
    level: "MUST",
    title: "The SDK retries an injected 429 ThrottlingException on its own: the call succeeds on its second attempt, and the emulator saw two calls",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      running.setFaults({ injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", count: 1 }] });
      running.resetStats();
      try {
        const out = await t.client().send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId }));
        assert.equal(out.ResourceDescription?.Identifier, t.apiId);
        assert.equal(out.$metadata.attempts, 2);
        const stats = running.stats();
        assert.equal(stats.operations.GetResource.calls, 2);
        assert.equal(stats.operations.GetResource.errors, 1);
      } finally {
        running.setFaults(NO_FAULTS);
      }
    },
  },
  {
    id: "CC-FAULT-INJECTED",
    level: "MUST",
    title: "Injected errors answer the given code with AWS's status for it, only on their operation, for exactly `count` calls",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const once = t.client(undefined, { maxAttempts: 1 });
      running.setFaults({
        injectedErrors: [
          { operation: "GetResource", code: "ThrottlingException", count: 2 },
          { operation: "ListResources", code: "ServiceInternalErrorException", message: "injected by the contract suite", count: 1 },
        ],
      });
      try {
        const get = new GetResourceCommand({ TypeName: API, Identifier: t.apiId });
        for (let i = 0; i < 2; i++) {
          const error = await expectServiceError(once.send(get), { name: "ThrottlingException", status: 429 });
          assert.ok(error instanceof ThrottlingException, "typed ThrottlingException");
        }
        assert.equal((await once.send(get)).ResourceDescription?.Identifier, t.apiId, "the third call is served");
        const list = new ListResourcesCommand({ TypeName: API });
        const error = await expectServiceError(once.send(list), {
          name: "ServiceInternalErrorException",
          status: 502,
          message: "injected by the contract suite",
        });
        assert.equal(error.$fault, "server");
        assert.ok(Array.isArray((await once.send(list)).ResourceDescriptions), "the second list is served");
      } finally {
        running.setFaults(NO_FAULTS);
      }
    },
  },
  {
    id: "CC-FAULT-RATE-LIMIT",
    level: "MUST",
    title: "Above the rate limit a region's calls answer 429 ThrottlingException 'Rate exceeded', counted as throttled; other regions are not affected",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      await sleep(1100); // let the last second's calls of earlier audits age out of the window
      running.setFaults({ rateLimitPerSecond: 3 });
      try {
        const once = t.client(undefined, { maxAttempts: 1 });
        const before = running.stats();
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, () => once.send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId }))),
        );
        const served = results.filter((result) => result.status === "fulfilled").length;
        const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
        assert.ok(served >= 1 && served <= 3, `${served} of 8 simultaneous calls served under a limit of 3/s`);
        for (const reason of refused) {
          assert.equal(errorName(reason), "ThrottlingException");
          assert.ok(reason instanceof ThrottlingException);
          assert.equal(reason.$metadata.httpStatusCode, 429);
          assert.equal(reason.message, "Rate exceeded");
        }
        const delta = statsDelta(before, running.stats(), "GetResource");
        assert.equal(delta.throttled, refused.length, "throttled calls counted");
        assert.equal(running.stats().throttled - before.throttled, refused.length);
        const elsewhere = await t.client(t.otherRegion, { maxAttempts: 1 }).send(new ListResourcesCommand({ TypeName: API }));
        assert.ok(Array.isArray(elsewhere.ResourceDescriptions), "another region is served meanwhile");
      } finally {
        running.setFaults(NO_FAULTS);
      }
    },
  },
  {
    id: "CC-FAULT-LATENCY",
    level: "SHOULD",
    title: "Configured latency delays every answer by at least that long",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      running.setFaults({ latencyMs: 200 });
      try {
        const started = performance.now();
        await t.client().send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId }));
        const elapsed = performance.now() - started;
        assert.ok(elapsed >= 195, `answered after ${elapsed.toFixed(0)} ms`);
      } finally {
        running.setFaults(NO_FAULTS);
      }
    },
  },
  {
    id: "CC-FAULT-STATS",
    level: "MUST",
    title: "Stats count calls and errors per operation, the total, calls per region and the most calls in flight at once",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      running.resetStats();
      const zero = running.stats();
      assert.equal(zero.total, 0);
      assert.equal(zero.maxInFlight, 0);
      assert.equal(zero.operations.GetResource.calls, 0);
      const get = (identifier: string) => t.client().send(new GetResourceCommand({ TypeName: API, Identifier: identifier }));
      await get(t.apiId);
      await get(t.apiId);
      await expectServiceError(
        t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: routeResponseIdentifier(t, MISSING_ROUTE_RESPONSE_ID) })),
        { name: "ResourceNotFoundException", status: 404 },
      );
      await t.client().send(new ListResourcesCommand({ TypeName: API }));
      const stats = running.stats();
      assert.deepEqual(stats.operations.GetResource, { calls: 3, throttled: 0, errors: 1 });
      assert.deepEqual(stats.operations.ListResources, { calls: 1, throttled: 0, errors: 0 });
      assert.equal(stats.operations.CreateResource.calls, 0);
      assert.equal(stats.total, 4);
      assert.equal(stats.throttled, 0);
      assert.equal(stats.regions[t.region], 4);
      assert.equal(stats.maxInFlight, 1, "sequential calls");
      running.setFaults({ latencyMs: 100 });
      try {
        await Promise.all(Array.from({ length: 4 }, () => get(t.apiId)));
      } finally {
        running.setFaults(NO_FAULTS);
      }
      assert.ok(running.stats().maxInFlight >= 2, `maxInFlight ${running.stats().maxInFlight} after four concurrent calls`);
    },
  },
  {
    id: "CC-FAULT-CONTROL-HTTP",
    level: "SHOULD",
    title: "The /_emulator endpoints read and reset stats, set faults, force handler failures, move the clock and seed",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const control = (method: string, path: string, body?: Record<string, unknown>) =>
        rawCall(running.url, { method, path, target: null, contentType: "application/json", ...(body === undefined ? {} : { body }) });
      const ok = (answer: { status: number; text: string }) => assert.ok(answer.status >= 200 && answer.status < 300, `${answer.status} ${answer.text}`);

      await t.client().send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId }));
      const stats = await control("GET", "/_emulator/stats");
      ok(stats);
      const calls = asRecord(asRecord(asRecord(stats.json, "stats").operations, "operations").GetResource, "GetResource").calls;
      assert.equal(calls, running.stats().operations.GetResource.calls);
      ok(await control("POST", "/_emulator/stats/reset"));
      assert.equal(running.stats().total, 0);

      try {
        ok(await control("PUT", "/_emulator/faults", { injectedErrors: [{ operation: "GetResource", code: "ThrottlingException", count: 1 }] }));
        const faults = asRecord((await control("GET", "/_emulator/faults")).json, "faults");
        assert.ok(Array.isArray(faults.injectedErrors) && faults.injectedErrors.length === 1, JSON.stringify(faults));
        await expectServiceError(
          t.client(undefined, { maxAttempts: 1 }).send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId })),
          { name: "ThrottlingException", status: 429 },
        );
      } finally {
        running.setFaults(NO_FAULTS);
      }

      ok(await control("POST", "/_emulator/fail-next-writes", { count: 1, errorCode: "NotStabilized", statusMessage: "over HTTP" }));
      const failed = await t.createRouteResponse();
      const final = await t.waitForRequest(failed.RequestToken ?? "");
      assertFailed(final, "NotStabilized");
      assert.equal(final.StatusMessage, "over HTTP");

      ok(await control("POST", "/_emulator/clock", { advanceSeconds: 1 }));
      ok(
        await control("POST", "/_emulator/seed", {
          resources: [
            {
              typeName: API,
              properties: { ApiId: "seedhttp01", Name: "seeded-over-http", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" },
            },
          ],
        }),
      );
      const seeded = await t.client().send(new GetResourceCommand({ TypeName: API, Identifier: "seedhttp01" }));
      assert.equal(seeded.ResourceDescription?.Identifier, "seedhttp01");
    },
  },
];
