// The wire: awsJson1_0 framing, error bodies and headers, timestamps (reference §5, docs/emulator.md
// "Protocol"). The raw audits talk HTTP to the emulator directly, so they need it; the SDK-level
// ones run against AWS too.
import * as assert from "node:assert/strict";
import { DeleteResourceCommand, GetResourceCommand, ResourceNotFoundException } from "@aws-sdk/client-cloudcontrol";
import type { Audit } from "../audit.js";
import { emulatorOf } from "../audit.js";
import { assertRecentTime, expectServiceError } from "../expect.js";
import { JSON_1_0, asRecord, assertRawError, rawCall } from "../raw.js";
import { API, MISSING_ROUTE_RESPONSE_ID, ROUTE_RESPONSE, listAllRequests, routeResponseIdentifier } from "../steps.js";

const missingRouteResponse = (apiId: string, routeId: string) => ({
  TypeName: ROUTE_RESPONSE,
  Identifier: `${apiId}|${routeId}|${MISSING_ROUTE_RESPONSE_ID}`,
});

/**
 * Epoch seconds (fractions allowed) within 30 days of now: not milliseconds, not an ISO string. The
 * bound is loose because other audits move the emulator's clock forward by days.
 */
function assertEpochSeconds(value: unknown, what: string): void {
  assert.equal(typeof value, "number", `${what} must be a JSON number (epoch seconds); got ${JSON.stringify(value)}`);
  const seconds = value as number;
  assert.ok(Math.abs(seconds - Date.now() / 1000) < 30 * 24 * 3600, `${what} ${seconds} is not epoch seconds near now`);
}

/** Coral answers its framework errors without a Message on AWS; the emulator may do the same. */
const frameworkError = { messageOptional: true } as const;

export const protocolAudits: Audit[] = [
  {
    id: "CC-HTTP-SUCCESS",
    level: "MUST",
    title: "A successful call answers 200 with content-type application/x-amz-json-1.0, an x-amzn-RequestId and the output members as JSON",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const answer = await rawCall(running.url, {
        target: "CloudApiService.GetResource",
        body: { TypeName: API, Identifier: t.apiId },
      });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.headers.get("content-type")?.split(";")[0], JSON_1_0);
      assert.ok((answer.headers.get("x-amzn-requestid") ?? "").length > 0, "no x-amzn-RequestId");
      const body = asRecord(answer.json, "the answer");
      assert.equal(body.TypeName, API);
      const description = asRecord(body.ResourceDescription, "ResourceDescription");
      assert.equal(description.Identifier, t.apiId);
      assert.equal(typeof description.Properties, "string", "Properties is a JSON string member");
      assert.equal(asRecord(JSON.parse(String(description.Properties)), "Properties").ApiId, t.apiId);
    },
  },
  {
    id: "CC-HTTP-ERROR-SHAPE",
    level: "MUST",
    title: "An error answers its HTTP status with x-amzn-RequestId, x-amzn-ErrorType and a JSON body {__type, Message}",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const request = missingRouteResponse(t.apiId, t.routeId);
      const answer = await rawCall(running.url, { target: "CloudApiService.GetResource", body: request });
      const { message } = assertRawError(answer, "ResourceNotFoundException", 404);
      assert.equal(message, `Resource of type '${ROUTE_RESPONSE}' with identifier '${request.Identifier}' was not found.`);
      const keys = Object.keys(asRecord(answer.json, "the error body")).sort();
      assert.deepEqual(keys, ["Message", "__type"], "the error body has __type and Message only");
    },
  },
  {
    id: "CC-HTTP-CONTENT-TYPE",
    level: "MUST",
    title: "A content type other than application/x-amz-json-1.0 answers 400 UnknownOperationException and runs nothing",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const deletesBefore = await listAllRequests(t, { Operations: ["DELETE"] });
      // Without a content-type header fetch labels a string body text/plain.
      for (const contentType of ["application/json", "application/x-amz-json-1.1", null]) {
        const answer = await rawCall(running.url, {
          target: "CloudApiService.DeleteResource",
          contentType,
          body: missingRouteResponse(t.apiId, t.routeId),
        });
        assertRawError(answer, "UnknownOperationException", 400, frameworkError);
      }
      const deletesAfter = await listAllRequests(t, { Operations: ["DELETE"] });
      assert.equal(deletesAfter.items.length, deletesBefore.items.length, "a rejected DeleteResource recorded a request");
    },
  },
  {
    id: "CC-HTTP-UNKNOWN-TARGET",
    level: "MUST",
    title: "An x-amz-target naming no operation of CloudApiService answers 400 UnknownOperationException",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      for (const target of ["CloudApiService.DescribeEverything", "OtherService.GetResource", "GetResource", ""]) {
        const answer = await rawCall(running.url, { target, body: missingRouteResponse(t.apiId, t.routeId) });
        assertRawError(answer, "UnknownOperationException", 400, frameworkError);
      }
    },
  },
  {
    id: "CC-HTTP-MISSING-TARGET",
    level: "MUST",
    title: "A request without x-amz-target answers 400 UnknownOperationException",
    needs: "emulator",
    async run(t) {
      const answer = await rawCall(emulatorOf(t).running.url, { target: null, body: {} });
      assertRawError(answer, "UnknownOperationException", 400, frameworkError);
    },
  },
  {
    id: "CC-HTTP-METHOD",
    level: "SHOULD",
    title: "A method other than POST answers 400 UnknownOperationException",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      for (const method of ["GET", "PUT"]) {
        const answer = await rawCall(running.url, { method, target: "CloudApiService.ListResources", body: { TypeName: API } });
        assertRawError(answer, "UnknownOperationException", 400, frameworkError);
      }
    },
  },
  {
    id: "CC-HTTP-MALFORMED-JSON",
    level: "MUST",
    title: "A body that is not JSON answers 400 SerializationException",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      for (const body of ['{"TypeName": ', "TypeName=x", "{'TypeName': 'x'}"]) {
        const answer = await rawCall(running.url, { target: "CloudApiService.GetResource", body });
        assertRawError(answer, "SerializationException", 400);
      }
    },
  },
  {
    id: "CC-HTTP-MEMBER-TYPE",
    level: "MUST",
    title: "A member of the wrong JSON type answers 400 SerializationException",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const cases: Array<[string, Record<string, unknown>]> = [
        ["CloudApiService.GetResource", { TypeName: 42, Identifier: t.apiId }],
        ["CloudApiService.ListResources", { TypeName: API, MaxResults: "10" }],
        ["CloudApiService.ListResourceRequests", { ResourceRequestStatusFilter: { Operations: "CREATE" } }],
      ];
      for (const [target, body] of cases) {
        const answer = await rawCall(running.url, { target, body });
        assertRawError(answer, "SerializationException", 400);
      }
    },
  },
  {
    id: "CC-HTTP-EMPTY-BODY",
    level: "SHOULD",
    title: "An empty body is an empty structure: GetResource then fails validation on both required members",
    needs: "emulator",
    async run(t) {
      const answer = await rawCall(emulatorOf(t).running.url, { target: "CloudApiService.GetResource", body: "" });
      const { message } = assertRawError(answer, "ValidationException", 400);
      assert.ok(message.startsWith("2 validation errors detected: "), message);
      assert.ok(message.includes("Value null at 'typeName' failed to satisfy constraint: Member must not be null"), message);
      assert.ok(message.includes("Value null at 'identifier' failed to satisfy constraint: Member must not be null"), message);
    },
  },
  {
    id: "CC-HTTP-EPOCH-SECONDS",
    level: "MUST",
    title: "Timestamps (EventTime) are JSON numbers in epoch seconds in the raw answer",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      // Deleting a missing resource is accepted and changes nothing, so it is a free ProgressEvent.
      const accepted = await rawCall(running.url, {
        target: "CloudApiService.DeleteResource",
        body: missingRouteResponse(t.apiId, t.routeId),
      });
      assert.equal(accepted.status, 200, accepted.text);
      const event = asRecord(asRecord(accepted.json, "the answer").ProgressEvent, "ProgressEvent");
      assertEpochSeconds(event.EventTime, "DeleteResource's EventTime");
      const status = await rawCall(running.url, {
        target: "CloudApiService.GetResourceRequestStatus",
        body: { RequestToken: event.RequestToken },
      });
      assert.equal(status.status, 200, status.text);
      const polled = asRecord(asRecord(status.json, "the answer").ProgressEvent, "ProgressEvent");
      assertEpochSeconds(polled.EventTime, "GetResourceRequestStatus's EventTime");
      const listed = await rawCall(running.url, { target: "CloudApiService.ListResourceRequests", body: { MaxResults: 1 } });
      assert.equal(listed.status, 200, listed.text);
      const summaries = asRecord(listed.json, "the answer").ResourceRequestStatusSummaries;
      assert.ok(Array.isArray(summaries) && summaries.length === 1, listed.text);
      assertEpochSeconds(asRecord(summaries[0], "a summary").EventTime, "ListResourceRequests' EventTime");
    },
  },
  {
    id: "CC-HTTP-BASE-PATH",
    level: "SHOULD",
    title: "Any path serves the API, as an endpoint with a base path makes the SDK post to it",
    needs: "emulator",
    async run(t) {
      const answer = await rawCall(emulatorOf(t).running.url, {
        path: "/some/base/path/",
        target: "CloudApiService.GetResource",
        body: { TypeName: API, Identifier: t.apiId },
      });
      assert.equal(answer.status, 200, answer.text);
      assert.ok((answer.headers.get("x-amzn-requestid") ?? "").length > 0, "no x-amzn-RequestId");
    },
  },
  {
    id: "CC-SDK-ERROR-TYPED",
    level: "MUST",
    title: "The SDK turns a modelled error into its typed exception with $fault, status and request id; successes carry a request id too",
    async run(t) {
      const ok = await t.client().send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId }));
      assert.ok((ok.$metadata.requestId ?? "").length > 0, "a success carries x-amzn-RequestId");
      assert.equal(ok.$metadata.httpStatusCode, 200);
      const error = await expectServiceError(
        t.client().send(new GetResourceCommand(missingRouteResponse(t.apiId, t.routeId))),
        { name: "ResourceNotFoundException", status: 404 },
      );
      assert.ok(error instanceof ResourceNotFoundException, "typed ResourceNotFoundException");
      assert.equal(error.$fault, "client");
      assert.ok((error.$metadata.requestId ?? "").length > 0, "an error carries x-amzn-RequestId");
    },
  },
  {
    id: "CC-SDK-TIMESTAMPS",
    level: "MUST",
    title: "The SDK reads EventTime as a Date near now (the wire carries epoch seconds)",
    async run(t) {
      const out = await t.client().send(
        new DeleteResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: routeResponseIdentifier(t, MISSING_ROUTE_RESPONSE_ID) }),
      );
      assertRecentTime(out.ProgressEvent?.EventTime, "EventTime");
      const final = await t.waitForRequest(out.ProgressEvent?.RequestToken ?? "");
      assertRecentTime(final.EventTime, "the final EventTime");
    },
  },
];
