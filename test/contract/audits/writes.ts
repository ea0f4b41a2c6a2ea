// CreateResource, UpdateResource and DeleteResource as asynchronous requests: their events, handler
// failures, schema validation, the parent chain and concurrency (docs/emulator.md "Resource types",
// "Writes and requests"; reference §2 lifecycle facts).
import * as assert from "node:assert/strict";
import { CreateResourceCommand, GetResourceCommand } from "@aws-sdk/client-cloudcontrol";
import type { Audit } from "../audit.js";
import { emulatorOf } from "../audit.js";
import { assertAccepted, assertFailed, assertSucceeded, expectServiceError, statsDelta } from "../expect.js";
import {
  API,
  MISSING_API_ID,
  MISSING_ROUTE_ID,
  MISSING_ROUTE_RESPONSE_ID,
  ROUTE,
  ROUTE_RESPONSE,
  createAndWait,
  deleteAndWait,
  deleteResource,
  getProperties,
  listIdentifiers,
  routeResponseIdentifier,
  routeResponsesOfTargetRoute,
  updateResource,
} from "../steps.js";

const HTTP_DEFAULT_ROUTE_SELECTION = "${request.method} ${request.path}";

const webSocketApi = (name: string) => ({
  Name: name,
  ProtocolType: "WEBSOCKET",
  RouteSelectionExpression: "$request.body.action",
});

export const writeAudits: Audit[] = [
  {
    id: "CC-CREATE-ACCEPTED",
    level: "MUST",
    title: "CreateResource answers at once with a CREATE ProgressEvent that is PENDING or IN_PROGRESS, with a RequestToken and an EventTime",
    async run(t) {
      const first = await t.createRouteResponse();
      assertAccepted(first, "CREATE");
      assert.equal(first.TypeName, ROUTE_RESPONSE);
      assertSucceeded(await t.waitForRequest(first.RequestToken ?? ""), "the create");
    },
  },
  {
    id: "CC-CREATE-SUCCESS",
    level: "MUST",
    title: "A create ends SUCCESS with the ApiId|RouteId|RouteResponseId identifier, and GetResource then answers exactly what was asked plus the new id",
    async run(t) {
      const desired = { ModelSelectionExpression: "$context.status", ResponseModels: { "application/json": "Ack" } };
      const first = await t.createRouteResponse(desired);
      const final = await t.waitForRequest(first.RequestToken ?? "");
      assertSucceeded(final, "the create");
      assert.equal(final.Operation, "CREATE");
      assert.equal(final.RequestToken, first.RequestToken);
      assert.match(final.Identifier ?? "", new RegExp(`^${t.apiId}\\|${t.routeId}\\|[a-z0-9]+$`));
      const routeResponseId = (final.Identifier ?? "").split("|")[2] ?? "";
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, final.Identifier ?? ""), {
        ApiId: t.apiId,
        RouteId: t.routeId,
        RouteResponseId: routeResponseId,
        RouteResponseKey: "$default",
        ...desired,
      });
    },
  },
  // CC-WRITE-EVENTS is retired: it held that a create's first event carries the desired
  // ResourceModel, which AWS's documented events contradict (see CC-WRITE-FIRST-EVENT and
  // CC-WRITE-FINAL-EVENT in family.ts).
  {
    id: "CC-CREATE-ID-SHAPE",
    level: "MUST",
    title: "Generated RouteResponseIds are seven characters of [a-z0-9], as API Gateway's",
    needs: "emulator",
    async run(t) {
      const created = await t.createRouteResponseAndWait();
      assert.match(created.routeResponseId, /^[a-z0-9]{7}$/);
    },
  },
  {
    id: "CC-CREATE-MISSING-PARENT",
    level: "MUST",
    title: "A create under a missing route or API is accepted and ends FAILED with NotFound and API Gateway's message",
    async run(t) {
      const underMissingRoute = await t.createRouteResponse({ RouteId: MISSING_ROUTE_ID });
      assertAccepted(underMissingRoute, "CREATE");
      const routeFinal = await t.waitForRequest(underMissingRoute.RequestToken ?? "");
      assertFailed(routeFinal, "NotFound", ["Invalid Route identifier specified", MISSING_ROUTE_ID]);
      const underMissingApi = await t.createRouteResponse({ ApiId: MISSING_API_ID, RouteId: MISSING_ROUTE_ID });
      const apiFinal = await t.waitForRequest(underMissingApi.RequestToken ?? "");
      assertFailed(apiFinal, "NotFound", ["Invalid API identifier specified", MISSING_API_ID]);
      if (t.emulator !== undefined) {
        assert.equal(apiFinal.StatusMessage, `Invalid API identifier specified 123456789012:${MISSING_API_ID}`);
      }
    },
  },
  {
    id: "CC-CREATE-ALREADY-EXISTS",
    level: "MUST",
    title: "A second route response with the same RouteResponseKey on one route ends FAILED with AlreadyExists",
    async run(t) {
      const first = await t.createRouteResponseAndWait();
      const second = await t.createRouteResponse();
      assertFailed(await t.waitForRequest(second.RequestToken ?? ""), "AlreadyExists");
      assert.deepEqual(await routeResponsesOfTargetRoute(t), [first.identifier], "only the first exists");
    },
  },
  {
    id: "CC-CREATE-SCHEMA",
    level: "MUST",
    title: "A DesiredState that breaks the registry schema answers 400 ValidationException 'Model validation failed (...)' and creates nothing",
    async run(t) {
      const before = await routeResponsesOfTargetRoute(t);
      const stats = t.emulator?.running.stats();
      const base = { ApiId: t.apiId, RouteId: t.routeId, RouteResponseKey: "$default" };
      const send = (desired: Record<string, unknown>) =>
        t.client().send(new CreateResourceCommand({ TypeName: ROUTE_RESPONSE, DesiredState: JSON.stringify(desired) }));
      const failed = { name: "ValidationException", status: 400, messageStartsWith: "Model validation failed (" } as const;
      await expectServiceError(send({ ApiId: t.apiId, RouteId: t.routeId }), {
        name: "ValidationException",
        status: 400,
        message: "Model validation failed (#: required key [RouteResponseKey] not found)",
      });
      await expectServiceError(send({ ...base, Color: "red" }), { ...failed, messageIncludes: ["Color"] });
      await expectServiceError(send({ ...base, RouteResponseKey: 5 }), { ...failed, messageIncludes: ["RouteResponseKey"] });
      await expectServiceError(send({ ...base, ResponseParameters: { "method.response.header.X": {} } }), {
        ...failed,
        messageIncludes: ["Required"],
      });
      await expectServiceError(send({ ...base, ResponseParameters: { "method.response.header.X": { Required: "yes" } } }), failed);
      await expectServiceError(
        send({ ...base, ResponseParameters: { "method.response.header.X": { Required: true, Optional: false } } }),
        { ...failed, messageIncludes: ["Optional"] },
      );
      await expectServiceError(send({ ...base, ResponseModels: "application/json" }), { ...failed, messageIncludes: ["ResponseModels"] });
      const several = await expectServiceError(send({ ApiId: t.apiId, RouteId: t.routeId, Color: "red" }), failed);
      // Several violations are summed up as everit does: "#: 2 schema violations found".
      assert.equal(several.message, "Model validation failed (#: 2 schema violations found)");
      assert.deepEqual(await routeResponsesOfTargetRoute(t), before, "a rejected create changed the route's route responses");
      if (t.emulator !== undefined && stats !== undefined) {
        assert.deepEqual(statsDelta(stats, t.emulator.running.stats(), "CreateResource"), { calls: 8, errors: 8, throttled: 0 });
      }
    },
  },
  {
    id: "CC-CREATE-READ-ONLY",
    level: "SHOULD",
    title: "A read-only property (RouteResponseId) in a create's DesiredState answers 400 ValidationException naming it, and creates nothing",
    async run(t) {
      const before = await routeResponsesOfTargetRoute(t);
      await expectServiceError(t.createRouteResponse({ RouteResponseId: "abc1234" }), {
        name: "ValidationException",
        status: 400,
        messageIncludes: ["RouteResponseId"],
      });
      assert.deepEqual(await routeResponsesOfTargetRoute(t), before);
    },
  },
  {
    id: "CC-CREATE-READ-ONLY-PARENTS",
    level: "SHOULD",
    title: "Read-only properties of the parent types (an Api's ApiId and ApiEndpoint, a Route's RouteId) in a DesiredState answer 400 ValidationException",
    needs: "emulator",
    async run(t) {
      const refused = (property: string) => ({ name: "ValidationException", status: 400, messageIncludes: [property] });
      const apisBefore = await listIdentifiers(t, API);
      await expectServiceError(t.createResource(API, { ...webSocketApi("contract-ro"), ApiId: "chosen0001" }), refused("ApiId"));
      await expectServiceError(
        t.createResource(API, { ...webSocketApi("contract-ro"), ApiEndpoint: "wss://example.com" }),
        refused("ApiEndpoint"),
      );
      assert.deepEqual(await listIdentifiers(t, API), apisBefore, "a refused create made an API");
      await expectServiceError(t.createResource(ROUTE, { ApiId: t.apiId, RouteKey: "ro", RouteId: "chose01" }), refused("RouteId"));
    },
  },
  {
    id: "CC-UPDATE-OK",
    level: "MUST",
    title: "UpdateResource answers an UPDATE event with the Identifier at once, ends SUCCESS, and GetResource then shows the change",
    async run(t) {
      const created = await t.createRouteResponseAndWait({ ModelSelectionExpression: "$context.a" });
      const first = await updateResource(t, ROUTE_RESPONSE, created.identifier, [
        { op: "replace", path: "/ModelSelectionExpression", value: "$context.b" },
      ]);
      assertAccepted(first, "UPDATE");
      assert.equal(first.Identifier, created.identifier);
      const final = await t.waitForRequest(first.RequestToken ?? "");
      assertSucceeded(final, "the update");
      assert.equal(final.Operation, "UPDATE");
      assert.equal((await getProperties(t, ROUTE_RESPONSE, created.identifier)).ModelSelectionExpression, "$context.b");
    },
  },
  {
    id: "CC-UPDATE-MISSING",
    level: "SHOULD",
    title: "UpdateResource of a missing resource answers 404 ResourceNotFoundException at once",
    async run(t) {
      const identifier = routeResponseIdentifier(t, MISSING_ROUTE_RESPONSE_ID);
      await expectServiceError(
        updateResource(t, ROUTE_RESPONSE, identifier, [{ op: "add", path: "/ModelSelectionExpression", value: "x" }]),
        { name: "ResourceNotFoundException", status: 404, messageIncludes: [identifier] },
      );
    },
  },
  {
    id: "CC-DELETE-OK",
    level: "MUST",
    title: "DeleteResource answers a DELETE event with the Identifier, ends SUCCESS, and the resource is then not found",
    async run(t) {
      const created = await t.createRouteResponseAndWait();
      const first = await deleteResource(t, ROUTE_RESPONSE, created.identifier);
      assertAccepted(first, "DELETE");
      assert.equal(first.Identifier, created.identifier);
      const final = await t.waitForRequest(first.RequestToken ?? "");
      assertSucceeded(final, "the delete");
      assert.equal(final.Operation, "DELETE");
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: created.identifier })), {
        name: "ResourceNotFoundException",
        status: 404,
      });
      assert.ok(!(await routeResponsesOfTargetRoute(t)).includes(created.identifier), "still listed after delete");
    },
  },
  {
    id: "CC-DELETE-MISSING",
    level: "MUST",
    title: "DeleteResource of a missing resource is accepted and ends FAILED with NotFound",
    async run(t) {
      const first = await deleteResource(t, ROUTE_RESPONSE, routeResponseIdentifier(t, MISSING_ROUTE_RESPONSE_ID));
      assertAccepted(first, "DELETE");
      assertFailed(await t.waitForRequest(first.RequestToken ?? ""), "NotFound");
    },
  },
  {
    id: "CC-CONCURRENT-OPERATION",
    level: "MUST",
    title: "An Update or Delete of a resource with a write in flight answers 409 ConcurrentOperationException; the first write is unaffected",
    needs: "emulator",
    async run(t) {
      const slow = emulatorOf(t).slow;
      const created = await slow.createRouteResponseAndWait({ ModelSelectionExpression: "$context.a" });
      const update = await updateResource(slow, ROUTE_RESPONSE, created.identifier, [
        { op: "replace", path: "/ModelSelectionExpression", value: "$context.b" },
      ]);
      assert.equal(update.OperationStatus, "IN_PROGRESS");
      const conflict = { name: "ConcurrentOperationException", status: 409 } as const;
      await expectServiceError(
        updateResource(slow, ROUTE_RESPONSE, created.identifier, [{ op: "replace", path: "/ModelSelectionExpression", value: "$context.c" }]),
        conflict,
      );
      await expectServiceError(deleteResource(slow, ROUTE_RESPONSE, created.identifier), conflict);
      assertSucceeded(await slow.waitForRequest(update.RequestToken ?? ""), "the first update");
      assert.equal((await getProperties(slow, ROUTE_RESPONSE, created.identifier)).ModelSelectionExpression, "$context.b");
      assertSucceeded(await deleteAndWait(slow, ROUTE_RESPONSE, created.identifier), "a delete once nothing is in flight");
    },
  },
  {
    id: "CC-WRITE-ORDER",
    level: "SHOULD",
    title: "Outcomes are decided when requests finish, in the order they were made: of two in-flight creates of one key, the first succeeds",
    needs: "emulator",
    async run(t) {
      const slow = emulatorOf(t).slow;
      const first = await slow.createRouteResponse({ ModelSelectionExpression: "first" });
      const second = await slow.createRouteResponse({ ModelSelectionExpression: "second" });
      assert.equal(second.OperationStatus, "IN_PROGRESS", "both accepted while in flight");
      const secondFinal = await slow.waitForRequest(second.RequestToken ?? "");
      const firstFinal = await slow.waitForRequest(first.RequestToken ?? "");
      assertSucceeded(firstFinal, "the first create");
      assertFailed(secondFinal, "AlreadyExists");
      assert.equal((await getProperties(slow, ROUTE_RESPONSE, firstFinal.Identifier ?? "")).ModelSelectionExpression, "first");
    },
  },
  {
    id: "CC-PARENT-CHAIN",
    level: "MUST",
    title: "An Api, a Route under it and a RouteResponse under that are created through Cloud Control with ids and identifiers in API Gateway's shape",
    needs: "emulator",
    async run(t) {
      const apiId = await createAndWait(t, API, webSocketApi("contract-chain"));
      assert.match(apiId, /^[a-z0-9]{10}$/);
      const api = await getProperties(t, API, apiId);
      assert.equal(api.ApiId, apiId);
      assert.equal(api.ApiEndpoint, `wss://${apiId}.execute-api.${t.region}.amazonaws.com`);
      const routeIdentifier = await createAndWait(t, ROUTE, { ApiId: apiId, RouteKey: "chat" });
      assert.match(routeIdentifier, new RegExp(`^${apiId}\\|[a-z0-9]{7}$`));
      const routeId = routeIdentifier.split("|")[1] ?? "";
      assert.deepEqual(await getProperties(t, ROUTE, routeIdentifier), { ApiId: apiId, RouteId: routeId, RouteKey: "chat" });
      const duplicateRoute = await t.createResource(ROUTE, { ApiId: apiId, RouteKey: "chat" });
      assertFailed(await t.waitForRequest(duplicateRoute.RequestToken ?? ""), "AlreadyExists");
      const rrIdentifier = await createAndWait(t, ROUTE_RESPONSE, { ApiId: apiId, RouteId: routeId, RouteResponseKey: "$default" });
      assert.match(rrIdentifier, new RegExp(`^${apiId}\\|${routeId}\\|[a-z0-9]{7}$`));
      const routeUnderMissingApi = await t.createResource(ROUTE, { ApiId: MISSING_API_ID, RouteKey: "chat" });
      assertFailed(await t.waitForRequest(routeUnderMissingApi.RequestToken ?? ""), "NotFound", ["Invalid API identifier specified"]);
    },
  },
  {
    id: "CC-API-ROUTE-SELECTION",
    level: "MUST",
    title: "A WebSocket Api needs a RouteSelectionExpression (handler failure InvalidRequest); an HTTP Api defaults it and gets an https endpoint",
    needs: "emulator",
    async run(t) {
      const ws = await t.createResource(API, { Name: "contract-no-rse", ProtocolType: "WEBSOCKET" });
      assertFailed(await t.waitForRequest(ws.RequestToken ?? ""), "InvalidRequest");
      const httpApiId = await createAndWait(t, API, { Name: "contract-http", ProtocolType: "HTTP" });
      const http = await getProperties(t, API, httpApiId);
      assert.equal(http.RouteSelectionExpression, HTTP_DEFAULT_ROUTE_SELECTION);
      assert.equal(http.ApiEndpoint, `https://${httpApiId}.execute-api.${t.region}.amazonaws.com`);
    },
  },
  {
    id: "CC-HTTP-API-PARENT",
    level: "MUST",
    title: "A route response under a route of an HTTP API ends FAILED with InvalidRequest",
    needs: "emulator",
    async run(t) {
      const httpApiId = await createAndWait(t, API, { Name: "contract-http-parent", ProtocolType: "HTTP" });
      const routeIdentifier = await createAndWait(t, ROUTE, { ApiId: httpApiId, RouteKey: "GET /items" });
      const routeId = routeIdentifier.split("|")[1] ?? "";
      const rr = await t.createResource(ROUTE_RESPONSE, { ApiId: httpApiId, RouteId: routeId, RouteResponseKey: "$default" });
      assertFailed(await t.waitForRequest(rr.RequestToken ?? ""), "InvalidRequest");
    },
  },
  {
    id: "CC-DELETE-CASCADE",
    level: "MUST",
    title: "Deleting a Route deletes its route responses; deleting an Api deletes its routes and their route responses",
    needs: "emulator",
    async run(t) {
      const apiId = await createAndWait(t, API, webSocketApi("contract-cascade"));
      const routeA = await createAndWait(t, ROUTE, { ApiId: apiId, RouteKey: "a" });
      const rrA = await createAndWait(t, ROUTE_RESPONSE, { ApiId: apiId, RouteId: routeA.split("|")[1], RouteResponseKey: "$default" });
      assertSucceeded(await deleteAndWait(t, ROUTE, routeA), "deleting route a");
      const notFound = { name: "ResourceNotFoundException", status: 404 } as const;
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: rrA })), notFound);
      const routeB = await createAndWait(t, ROUTE, { ApiId: apiId, RouteKey: "b" });
      const rrB = await createAndWait(t, ROUTE_RESPONSE, { ApiId: apiId, RouteId: routeB.split("|")[1], RouteResponseKey: "$default" });
      assertSucceeded(await deleteAndWait(t, API, apiId), "deleting the api");
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: ROUTE, Identifier: routeB })), notFound);
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: rrB })), notFound);
    },
  },
  {
    id: "CC-ROUTE-WRITE-ONLY",
    level: "SHOULD",
    title: "A Route's write-only properties (AuthorizerId, RequestParameters) are accepted and never read back",
    needs: "emulator",
    async run(t) {
      const apiId = await createAndWait(t, API, webSocketApi("contract-write-only"));
      const routeIdentifier = await createAndWait(t, ROUTE, {
        ApiId: apiId,
        RouteKey: "secured",
        AuthorizerId: "auth001",
        RequestParameters: { "route.request.header.Authorization": { Required: true } },
      });
      const model = await getProperties(t, ROUTE, routeIdentifier);
      assert.equal(model.RouteKey, "secured");
      assert.ok(!("AuthorizerId" in model), "AuthorizerId read back");
      assert.ok(!("RequestParameters" in model), "RequestParameters read back");
    },
  },
  {
    id: "CC-API-CREATE-ONLY",
    level: "MUST",
    title: "An Api's ProtocolType is create-only: patching it answers 400 NotUpdatableException",
    needs: "emulator",
    async run(t) {
      const apiId = await createAndWait(t, API, webSocketApi("contract-protocol"));
      await expectServiceError(updateResource(t, API, apiId, [{ op: "replace", path: "/ProtocolType", value: "HTTP" }]), {
        name: "NotUpdatableException",
        status: 400,
        message: "Invalid patch update: createOnlyProperties [/properties/ProtocolType] cannot be updated",
      });
      assert.equal((await getProperties(t, API, apiId)).ProtocolType, "WEBSOCKET");
    },
  },
];
