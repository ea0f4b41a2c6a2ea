// ClientToken idempotency (reference §2 lifecycle facts; docs/emulator.md "Writes and requests").
// A mutation that must be safe to retry passes its own ClientToken; these audits are what makes
// such a retry safe.
import * as assert from "node:assert/strict";
import type { Audit } from "../audit.js";
import { emulatorOf } from "../audit.js";
import { assertFailed, assertSucceeded, expectServiceError } from "../expect.js";
import {
  ROUTE_RESPONSE,
  deleteResource,
  newClientToken,
  routeResponsesOfTargetRoute,
  updateResource,
} from "../steps.js";

const conflict = { name: "ClientTokenConflictException", status: 409 } as const;

export const idempotencyAudits: Audit[] = [
  {
    id: "CC-IDEM-REPLAY",
    level: "MUST",
    title: "The same ClientToken with the same input answers the original request, before and after it finished, and creates one resource",
    async run(t) {
      const clientToken = newClientToken();
      const before = await routeResponsesOfTargetRoute(t);
      const first = await t.createRouteResponse({ ModelSelectionExpression: "$context.once" }, { clientToken });
      const again = await t.createRouteResponse({ ModelSelectionExpression: "$context.once" }, { clientToken });
      assert.equal(again.RequestToken, first.RequestToken, "a replay answers the original RequestToken");
      assert.equal(again.Operation, "CREATE");
      const final = await t.waitForRequest(first.RequestToken ?? "");
      assertSucceeded(final, "the create");
      const afterSuccess = await t.createRouteResponse({ ModelSelectionExpression: "$context.once" }, { clientToken });
      assert.equal(afterSuccess.RequestToken, first.RequestToken, "a replay after SUCCESS answers the original RequestToken");
      assert.equal(afterSuccess.OperationStatus, "SUCCESS", "the replay shows the request as it is now");
      assert.equal(afterSuccess.Identifier, final.Identifier);
      const after = await routeResponsesOfTargetRoute(t);
      assert.deepEqual(
        after.filter((id) => !before.includes(id)),
        [final.Identifier],
        "three sends with one token created exactly one route response",
      );
    },
  },
  {
    id: "CC-IDEM-CONFLICT",
    level: "MUST",
    title: "The same ClientToken with other input (desired state, operation, identifier or patch) answers 409 ClientTokenConflictException and does nothing",
    async run(t) {
      const clientToken = newClientToken();
      const created = await t.createRouteResponseAndWait({ ModelSelectionExpression: "$context.a" }, { clientToken });
      await expectServiceError(t.createRouteResponse({ ModelSelectionExpression: "$context.b" }, { clientToken }), conflict);
      await expectServiceError(deleteResource(t, ROUTE_RESPONSE, created.identifier, { clientToken }), conflict);
      const updateToken = newClientToken();
      const patch = [{ op: "replace", path: "/ModelSelectionExpression", value: "$context.c" }] as const;
      const update = await updateResource(t, ROUTE_RESPONSE, created.identifier, patch, { clientToken: updateToken });
      assertSucceeded(await t.waitForRequest(update.RequestToken ?? ""), "the update");
      await expectServiceError(
        updateResource(t, ROUTE_RESPONSE, created.identifier, [{ op: "replace", path: "/ModelSelectionExpression", value: "$context.d" }], {
          clientToken: updateToken,
        }),
        conflict,
      );
      assert.deepEqual(await routeResponsesOfTargetRoute(t), [created.identifier], "the conflicting calls created nothing");
    },
  },
  {
    id: "CC-IDEM-DELETE-RETRY",
    level: "MUST",
    title: "A delete retried with its ClientToken after it succeeded answers the original SUCCESS, not a new request that fails NotFound",
    async run(t) {
      const created = await t.createRouteResponseAndWait();
      const clientToken = newClientToken();
      const first = await deleteResource(t, ROUTE_RESPONSE, created.identifier, { clientToken });
      assertSucceeded(await t.waitForRequest(first.RequestToken ?? ""), "the delete");
      const retry = await deleteResource(t, ROUTE_RESPONSE, created.identifier, { clientToken });
      assert.equal(retry.RequestToken, first.RequestToken, "the retry answers the original request");
      assert.equal(retry.Operation, "DELETE");
      assertSucceeded(await t.waitForRequest(retry.RequestToken ?? ""), "the retried delete");
    },
  },
  {
    id: "CC-IDEM-IN-FLIGHT",
    level: "MUST",
    title: "The same ClientToken while the request is in flight answers it IN_PROGRESS, not ConcurrentOperationException",
    needs: "emulator",
    async run(t) {
      const slow = emulatorOf(t).slow;
      const created = await slow.createRouteResponseAndWait();
      const clientToken = newClientToken();
      const patch = [{ op: "add", path: "/ModelSelectionExpression", value: "$context.x" }] as const;
      const first = await updateResource(slow, ROUTE_RESPONSE, created.identifier, patch, { clientToken });
      const again = await updateResource(slow, ROUTE_RESPONSE, created.identifier, patch, { clientToken });
      assert.equal(again.RequestToken, first.RequestToken);
      assert.equal(again.OperationStatus, "IN_PROGRESS");
      assertSucceeded(await slow.waitForRequest(first.RequestToken ?? ""), "the update");
    },
  },
  {
    id: "CC-IDEM-REGION",
    level: "SHOULD",
    title: "ClientTokens are per region: a token used in one region is free in another",
    async run(t) {
      const clientToken = newClientToken();
      await t.createRouteResponseAndWait({}, { clientToken });
      // Other input, other region: a new request there. The target's route does not exist in that
      // region, so it ends FAILED NotFound, which also shows the regions are apart.
      const elsewhere = await t.createRouteResponse({ ModelSelectionExpression: "$context.elsewhere" }, { clientToken, region: t.otherRegion });
      assertFailed(await t.waitForRequest(elsewhere.RequestToken ?? "", t.otherRegion), "NotFound");
    },
  },
  {
    id: "CC-IDEM-EXPIRY",
    level: "SHOULD",
    title: "A ClientToken is kept 36 hours: within them other input conflicts, after them it starts a new request",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const clientToken = newClientToken();
      const first = await deleteResource(t, ROUTE_RESPONSE, `${t.apiId}|${t.routeId}|zzz0001`, { clientToken });
      running.advanceClock(36 * 3600 - 60);
      await expectServiceError(deleteResource(t, ROUTE_RESPONSE, `${t.apiId}|${t.routeId}|zzz0002`, { clientToken }), conflict);
      running.advanceClock(61);
      const fresh = await deleteResource(t, ROUTE_RESPONSE, `${t.apiId}|${t.routeId}|zzz0002`, { clientToken });
      assert.notEqual(fresh.RequestToken, first.RequestToken, "a new request after the token expired");
      assertFailed(await t.waitForRequest(fresh.RequestToken ?? ""), "NotFound");
    },
  },
];
