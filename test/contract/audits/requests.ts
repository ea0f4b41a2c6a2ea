// Resource requests: GetResourceRequestStatus, ListResourceRequests, CancelResourceRequest, expiry,
// and the SDK's waiter over them (reference §2 and §5; docs/emulator.md "Writes and requests").
import * as assert from "node:assert/strict";
import {
  CancelResourceRequestCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  waitUntilResourceRequestSuccess,
} from "@aws-sdk/client-cloudcontrol";
import type { Audit, Target } from "../audit.js";
import { emulatorOf } from "../audit.js";
import { assertAccepted, assertFailed, assertSucceeded, expectServiceError, statsDelta } from "../expect.js";
import {
  MISSING_ROUTE_RESPONSE_ID,
  ROUTE_RESPONSE,
  deleteResource,
  getProperties,
  listAllRequests,
  routeResponsesOfTargetRoute,
  sleep,
  updateResource,
} from "../steps.js";

const UNKNOWN_REQUEST_TOKEN = "00000000-0000-4000-8000-000000000000";
const tokenNotFound = { name: "RequestTokenNotFoundException", status: 404 } as const;

/** An accepted write that changes nothing and ends FAILED NotFound: a cheap request to list. */
const deleteMissing = (t: Target, suffix: string, region?: string) =>
  deleteResource(t, ROUTE_RESPONSE, `${t.apiId}|${t.routeId}|${suffix}`, region === undefined ? {} : { region });

/** The waiter with small delays: the first poll is immediate, later ones 1-2 s apart. */
const waiterFor = (t: Target, region?: string) => ({
  client: t.client(region),
  maxWaitTime: t.maxWaitSeconds,
  minDelay: 1,
  maxDelay: 2,
});

/** Waits until the slow emulator's write duration has surely passed. */
const outlastWrites = (t: Target) => sleep(emulatorOf(t).slowWriteMs + 300);

export const requestAudits: Audit[] = [
  {
    id: "CC-STATUS-OK",
    level: "MUST",
    title: "GetResourceRequestStatus answers the request's ProgressEvent: its token, operation, type and status",
    async run(t) {
      const first = await t.createRouteResponse();
      const out = await t.client().send(new GetResourceRequestStatusCommand({ RequestToken: first.RequestToken }));
      const event = out.ProgressEvent;
      assert.ok(event !== undefined, "a ProgressEvent");
      assert.equal(event.RequestToken, first.RequestToken);
      assert.equal(event.Operation, "CREATE");
      assert.equal(event.TypeName, ROUTE_RESPONSE);
      assert.ok(
        ["PENDING", "IN_PROGRESS", "SUCCESS"].includes(event.OperationStatus ?? ""),
        `status ${String(event.OperationStatus)}`,
      );
      assertSucceeded(await t.waitForRequest(first.RequestToken ?? ""), "the create");
    },
  },
  {
    id: "CC-STATUS-UNKNOWN",
    level: "MUST",
    title: "GetResourceRequestStatus of an unknown token answers 404 RequestTokenNotFoundException",
    async run(t) {
      await expectServiceError(
        t.client().send(new GetResourceRequestStatusCommand({ RequestToken: UNKNOWN_REQUEST_TOKEN })),
        tokenNotFound,
      );
    },
  },
  {
    id: "CC-STATUS-REGION",
    level: "MUST",
    title: "A request token belongs to its region: another region answers RequestTokenNotFoundException",
    async run(t) {
      const request = await deleteMissing(t, MISSING_ROUTE_RESPONSE_ID);
      await expectServiceError(
        t.client(t.otherRegion).send(new GetResourceRequestStatusCommand({ RequestToken: request.RequestToken })),
        tokenNotFound,
      );
      assertFailed(await t.waitForRequest(request.RequestToken ?? ""), "NotFound");
    },
  },
  {
    id: "CC-STATUS-EXPIRY",
    level: "MUST",
    title: "Requests expire 7 days after they were made: then GetResourceRequestStatus answers RequestTokenNotFoundException and lists omit them",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const request = await deleteMissing(t, "exp0001");
      const token = request.RequestToken ?? "";
      assertFailed(await t.waitForRequest(token), "NotFound");
      running.advanceClock(7 * 24 * 3600 - 60);
      const stillThere = await t.client().send(new GetResourceRequestStatusCommand({ RequestToken: token }));
      assert.equal(stillThere.ProgressEvent?.RequestToken, token, "kept until 7 days have passed");
      running.advanceClock(61);
      await expectServiceError(t.client().send(new GetResourceRequestStatusCommand({ RequestToken: token })), tokenNotFound);
      const listed = await listAllRequests(t, { Operations: ["DELETE"] });
      assert.ok(!listed.items.some((item) => item.RequestToken === token), "an expired request is still listed");
    },
  },
  {
    id: "CC-LRR-FILTER",
    level: "MUST",
    title: "ListResourceRequests filters by Operations and OperationStatuses; every summary matches the filter",
    async run(t) {
      const failedDelete = await deleteMissing(t, MISSING_ROUTE_RESPONSE_ID);
      assertFailed(await t.waitForRequest(failedDelete.RequestToken ?? ""), "NotFound");
      const created = await t.createRouteResponseAndWait();
      const byOperation = await listAllRequests(t, { Operations: ["DELETE"] });
      assert.ok(byOperation.items.every((item) => item.Operation === "DELETE"), "only DELETE requests");
      const tokens = (items: typeof byOperation.items) => items.map((item) => item.RequestToken);
      assert.ok(tokens(byOperation.items).includes(failedDelete.RequestToken), "the delete is listed");
      assert.ok(!tokens(byOperation.items).includes(created.requestToken), "the create is not");
      const byStatus = await listAllRequests(t, { OperationStatuses: ["FAILED"] });
      assert.ok(byStatus.items.every((item) => item.OperationStatus === "FAILED"), "only FAILED requests");
      assert.ok(tokens(byStatus.items).includes(failedDelete.RequestToken), "the failed delete is listed");
      assert.ok(!tokens(byStatus.items).includes(created.requestToken), "the successful create is not");
      const both = await listAllRequests(t, { Operations: ["CREATE", "UPDATE"], OperationStatuses: ["SUCCESS"] });
      assert.ok(
        both.items.every((item) => item.OperationStatus === "SUCCESS" && (item.Operation === "CREATE" || item.Operation === "UPDATE")),
        "both filters hold together",
      );
      assert.ok(tokens(both.items).includes(created.requestToken), "the successful create is listed");
      const summary = both.items.find((item) => item.RequestToken === created.requestToken);
      assert.equal(summary?.TypeName, ROUTE_RESPONSE);
      assert.equal(summary?.Identifier, created.identifier);
    },
  },
  {
    id: "CC-LRR-NEWEST-FIRST",
    level: "SHOULD",
    title: "ListResourceRequests lists newer requests before older ones",
    async run(t) {
      const older = await deleteMissing(t, "old0001");
      await sleep(1100); // distinct EventTimes even at one-second resolution
      const newer = await deleteMissing(t, "new0001");
      const listing = await listAllRequests(t, { Operations: ["DELETE"] });
      const tokens = listing.items.map((item) => item.RequestToken);
      const newerAt = tokens.indexOf(newer.RequestToken);
      const olderAt = tokens.indexOf(older.RequestToken);
      assert.ok(newerAt >= 0 && olderAt >= 0, "both listed");
      assert.ok(newerAt < olderAt, `newer at ${newerAt}, older at ${olderAt}`);
    },
  },
  {
    id: "CC-LRR-PAGES",
    level: "MUST",
    title: "ListResourceRequests pages hold MaxResults items (default 20) and follow NextToken to the end with no duplicate and no gap",
    needs: "emulator",
    async run(t) {
      // A region of its own, so the emulator holds exactly the requests this audit makes.
      const region = "ap-southeast-2";
      const made: string[] = [];
      for (let i = 0; i < 23; i++) {
        const request = await deleteMissing(t, `lrr${String(i).padStart(4, "0")}`, region);
        made.push(request.RequestToken ?? "");
      }
      const byDefault = await listAllRequests(t, undefined, { region });
      assert.deepEqual(byDefault.pageSizes, [20, 3]);
      const byFive = await listAllRequests(t, undefined, { region, maxResults: 5 });
      assert.deepEqual(byFive.pageSizes, [5, 5, 5, 5, 3]);
      for (const listing of [byDefault, byFive]) {
        assert.deepEqual(
          listing.items.map((item) => item.RequestToken),
          [...made].reverse(),
          "every request once, newest first",
        );
      }
      const creates = await listAllRequests(t, { Operations: ["CREATE"] }, { region });
      assert.deepEqual(creates.items, [], "no CREATE requests in that region");
    },
  },
  {
    id: "CC-CANCEL-CREATE",
    level: "MUST",
    title: "Cancelling an in-flight create answers CANCEL_IN_PROGRESS, the request is CANCEL_COMPLETE from then on, and the resource is never created",
    needs: "emulator",
    async run(t) {
      const slow = emulatorOf(t).slow;
      const before = await routeResponsesOfTargetRoute(slow);
      const first = await slow.createRouteResponse({ ModelSelectionExpression: "$context.cancelled" });
      const cancel = await slow.client().send(new CancelResourceRequestCommand({ RequestToken: first.RequestToken }));
      assert.equal(cancel.ProgressEvent?.OperationStatus, "CANCEL_IN_PROGRESS");
      assert.equal(cancel.ProgressEvent?.RequestToken, first.RequestToken);
      assert.equal(cancel.ProgressEvent?.Operation, "CREATE");
      await outlastWrites(t);
      const status = await slow.client().send(new GetResourceRequestStatusCommand({ RequestToken: first.RequestToken }));
      assert.equal(status.ProgressEvent?.OperationStatus, "CANCEL_COMPLETE");
      assert.deepEqual(await routeResponsesOfTargetRoute(slow), before, "the cancelled create made a route response");
      // The key is still free: a new create of it succeeds.
      await slow.createRouteResponseAndWait();
    },
  },
  {
    id: "CC-CANCEL-UPDATE-DELETE",
    level: "MUST",
    title: "A cancelled update leaves the resource as it was; a cancelled delete leaves it in place",
    needs: "emulator",
    async run(t) {
      const slow = emulatorOf(t).slow;
      const created = await slow.createRouteResponseAndWait({ ModelSelectionExpression: "$context.kept" });
      const update = await updateResource(slow, ROUTE_RESPONSE, created.identifier, [
        { op: "replace", path: "/ModelSelectionExpression", value: "$context.changed" },
      ]);
      const cancelUpdate = await slow.client().send(new CancelResourceRequestCommand({ RequestToken: update.RequestToken }));
      assert.equal(cancelUpdate.ProgressEvent?.OperationStatus, "CANCEL_IN_PROGRESS");
      await outlastWrites(t);
      assert.equal((await slow.waitForRequest(update.RequestToken ?? "")).OperationStatus, "CANCEL_COMPLETE");
      assert.equal((await getProperties(slow, ROUTE_RESPONSE, created.identifier)).ModelSelectionExpression, "$context.kept");
      const deletion = await deleteResource(slow, ROUTE_RESPONSE, created.identifier);
      const cancelDelete = await slow.client().send(new CancelResourceRequestCommand({ RequestToken: deletion.RequestToken }));
      assert.equal(cancelDelete.ProgressEvent?.OperationStatus, "CANCEL_IN_PROGRESS");
      assert.equal(cancelDelete.ProgressEvent?.Operation, "DELETE");
      await outlastWrites(t);
      assert.equal((await slow.waitForRequest(deletion.RequestToken ?? "")).OperationStatus, "CANCEL_COMPLETE");
      const still = await slow.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: created.identifier }));
      assert.equal(still.ResourceDescription?.Identifier, created.identifier, "the cancelled delete removed the resource");
    },
  },
  {
    id: "CC-CANCEL-FINISHED",
    level: "SHOULD",
    title: "Cancelling a finished request answers 500 ConcurrentModificationException (which the SDK retries as a server fault) and the request keeps its outcome",
    async run(t) {
      const created = await t.createRouteResponseAndWait();
      const before = t.emulator?.running.stats();
      const error = await expectServiceError(
        t.client().send(new CancelResourceRequestCommand({ RequestToken: created.requestToken })),
        { name: "ConcurrentModificationException", status: 500 },
      );
      assert.equal(error.$fault, "server");
      if (t.emulator !== undefined && before !== undefined) {
        const delta = statsDelta(before, t.emulator.running.stats(), "CancelResourceRequest");
        assert.equal(delta.calls, 3, "the SDK's three attempts reached the emulator");
        assert.equal(error.$metadata.attempts, 3);
      }
      const status = await t.client().send(new GetResourceRequestStatusCommand({ RequestToken: created.requestToken }));
      assert.equal(status.ProgressEvent?.OperationStatus, "SUCCESS");
    },
  },
  {
    id: "CC-CANCEL-UNKNOWN",
    level: "MUST",
    title: "Cancelling an unknown token answers 404 RequestTokenNotFoundException",
    async run(t) {
      await expectServiceError(
        t.client().send(new CancelResourceRequestCommand({ RequestToken: UNKNOWN_REQUEST_TOKEN })),
        tokenNotFound,
      );
    },
  },
  {
    id: "CC-WAITER-SUCCESS",
    level: "MUST",
    title: "The SDK's waitUntilResourceRequestSuccess resolves on SUCCESS",
    async run(t) {
      const first = await t.createRouteResponse();
      const before = t.emulator?.running.stats();
      const result = await waitUntilResourceRequestSuccess(waiterFor(t), { RequestToken: first.RequestToken });
      assert.equal(result.state, "SUCCESS");
      if (t.emulator !== undefined && before !== undefined) {
        // writeDurationMs 0: the first poll already sees the final state.
        assert.equal(statsDelta(before, t.emulator.running.stats(), "GetResourceRequestStatus").calls, 1);
      }
    },
  },
  {
    id: "CC-WAITER-POLLS",
    level: "MUST",
    title: "The waiter keeps polling an IN_PROGRESS request until it succeeds",
    needs: "emulator",
    async run(t) {
      const { slow } = emulatorOf(t);
      const first = await slow.createRouteResponse();
      const before = emulatorOf(slow).running.stats();
      const result = await waitUntilResourceRequestSuccess(waiterFor(slow), { RequestToken: first.RequestToken });
      assert.equal(result.state, "SUCCESS");
      const polls = statsDelta(before, emulatorOf(slow).running.stats(), "GetResourceRequestStatus").calls;
      assert.ok(polls >= 2, `polled ${polls} time(s)`);
    },
  },
  {
    id: "CC-WAITER-FAILED",
    level: "MUST",
    title: "The waiter throws when the request ends FAILED (forced handler failure), and the failed create leaves nothing",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const before = await routeResponsesOfTargetRoute(t);
      running.failNextWrites({ count: 1, errorCode: "GeneralServiceException", statusMessage: "forced by the contract suite" });
      const first = await t.createRouteResponse();
      await assert.rejects(
        waitUntilResourceRequestSuccess(waiterFor(t), { RequestToken: first.RequestToken }),
        (error: unknown) => error instanceof Error && error.message.includes("FAILED"),
      );
      const final = await t.waitForRequest(first.RequestToken ?? "");
      assertFailed(final, "GeneralServiceException");
      assert.equal(final.StatusMessage, "forced by the contract suite");
      assert.deepEqual(await routeResponsesOfTargetRoute(t), before);
    },
  },
  {
    id: "CC-WAITER-CANCELLED",
    level: "MUST",
    title: "The waiter throws when the request is CANCEL_COMPLETE",
    needs: "emulator",
    async run(t) {
      const { slow } = emulatorOf(t);
      const first = await slow.createRouteResponse();
      await slow.client().send(new CancelResourceRequestCommand({ RequestToken: first.RequestToken }));
      await assert.rejects(
        waitUntilResourceRequestSuccess(waiterFor(slow), { RequestToken: first.RequestToken }),
        (error: unknown) => error instanceof Error && error.message.includes("CANCEL_COMPLETE"),
      );
    },
  },
  {
    id: "CC-FAIL-NEXT-WRITES",
    level: "MUST",
    title: "Forced handler failures apply to exactly the next N writes, which end FAILED with the given code; later writes succeed",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      running.failNextWrites({ count: 2, errorCode: "ServiceInternalError" });
      const first = await t.createRouteResponse();
      const second = await deleteMissing(t, "fnw0001");
      const third = await t.createRouteResponse();
      assertAccepted(first, "CREATE");
      assertFailed(await t.waitForRequest(first.RequestToken ?? ""), "ServiceInternalError");
      assertFailed(await t.waitForRequest(second.RequestToken ?? ""), "ServiceInternalError");
      assertSucceeded(await t.waitForRequest(third.RequestToken ?? ""), "the third write");
    },
  },
];
