// GetResource and ListResources: identifiers in both forms, the list handler's ResourceModel,
// pagination, and regions as separate worlds (docs/emulator.md "Resource types", "Reads").
import * as assert from "node:assert/strict";
import { GetResourceCommand, ListResourcesCommand } from "@aws-sdk/client-cloudcontrol";
import type { SeedResource } from "../../../src/emulator/options.js";
import {
  DEMO_API_ID,
  DEMO_REGION,
  DEMO_ROUTE_RESPONSES,
  DEMO_ROUTES,
  DEMO_WEST_API_ID,
  DEMO_WEST_REGION,
  DEMO_WEST_ROUTE_ID,
  DEMO_WEST_ROUTE_RESPONSE_ID,
} from "../../../src/emulator/demoSeed.js";
import type { Audit } from "../audit.js";
import { emulatorOf } from "../audit.js";
import { expectServiceError, statsDelta } from "../expect.js";
import {
  API,
  MISSING_API_ID,
  MISSING_ROUTE_ID,
  MISSING_ROUTE_RESPONSE_ID,
  ROUTE,
  ROUTE_RESPONSE,
  getProperties,
  listAllResources,
  listIdentifiers,
  parseModel,
  routeResponseIdentifier,
} from "../steps.js";

const FULL_PROPERTIES = {
  RouteResponseKey: "$default",
  ModelSelectionExpression: "$context.status",
  ResponseModels: { "application/json": "Ack" },
  ResponseParameters: { "method.response.header.X-Trace": { Required: true } },
};

const seededApi = (apiId: string): SeedResource => ({
  typeName: API,
  properties: { ApiId: apiId, Name: `contract-${apiId}`, ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" },
});

/** Routes page as route responses would if a route could hold more than one (it holds one `$default`). */
const seededRoute = (apiId: string, routeId: string, routeKey: string): SeedResource => ({
  typeName: ROUTE,
  properties: { ApiId: apiId, RouteId: routeId, RouteKey: routeKey },
});

const missingModelMessage = (typeName: string, key: string) =>
  `Missing or invalid ResourceModel property in ${typeName} list handler request input.Required property: (#: required key [${key}] not found)`;

export const readAudits: Audit[] = [
  {
    id: "CC-GET-OK",
    level: "MUST",
    title: "GetResource answers the type name, the string identifier and every property, read-only ones included, as a JSON string",
    async run(t) {
      const created = await t.createRouteResponseAndWait(FULL_PROPERTIES);
      const out = await t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: created.identifier }));
      assert.equal(out.TypeName, ROUTE_RESPONSE);
      assert.equal(out.ResourceDescription?.Identifier, routeResponseIdentifier(t, created.routeResponseId));
      assert.deepEqual(parseModel(out.ResourceDescription?.Properties, "GetResource"), {
        ApiId: t.apiId,
        RouteId: t.routeId,
        RouteResponseId: created.routeResponseId,
        ...FULL_PROPERTIES,
      });
    },
  },
  {
    id: "CC-GET-404",
    level: "MUST",
    title: "GetResource of a missing resource answers 404 ResourceNotFoundException with Cloud Control's message",
    async run(t) {
      const identifier = routeResponseIdentifier(t, MISSING_ROUTE_RESPONSE_ID);
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: identifier })), {
        name: "ResourceNotFoundException",
        status: 404,
        message: `Resource of type '${ROUTE_RESPONSE}' with identifier '${identifier}' was not found.`,
      });
    },
  },
  {
    id: "CC-GET-JSON-ID",
    level: "MUST",
    title: "The JSON form of an identifier, keys in any order, names the same resource; answers use the string form",
    async run(t) {
      const created = await t.createRouteResponseAndWait();
      const orders = [
        { ApiId: t.apiId, RouteId: t.routeId, RouteResponseId: created.routeResponseId },
        { RouteResponseId: created.routeResponseId, ApiId: t.apiId, RouteId: t.routeId },
      ];
      for (const json of orders) {
        const out = await t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: JSON.stringify(json) }));
        assert.equal(out.ResourceDescription?.Identifier, created.identifier);
        assert.equal(parseModel(out.ResourceDescription?.Properties, "GetResource").RouteResponseId, created.routeResponseId);
      }
      const route = await t.client().send(
        new GetResourceCommand({ TypeName: ROUTE, Identifier: JSON.stringify({ RouteId: t.routeId, ApiId: t.apiId }) }),
      );
      assert.equal(route.ResourceDescription?.Identifier, `${t.apiId}|${t.routeId}`);
    },
  },
  {
    id: "CC-ID-MALFORMED",
    level: "SHOULD",
    title: "An identifier with the wrong number of parts, an empty part, or a JSON form with other keys answers 400 ValidationException",
    async run(t) {
      const bad = [
        `${t.apiId}|${t.routeId}`,
        `${t.apiId}|${t.routeId}|zzz0000|extra`,
        `${t.apiId}||zzz0000`,
        JSON.stringify({ ApiId: t.apiId, RouteId: t.routeId }),
        JSON.stringify({ ApiId: t.apiId, RouteId: t.routeId, RouteResponseId: "zzz0000", Color: "red" }),
      ];
      for (const identifier of bad) {
        await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: identifier })), {
          name: "ValidationException",
          status: 400,
        });
      }
    },
  },
  {
    id: "CC-GET-PARENTS",
    level: "MUST",
    title: "The parent types read by their primary identifiers: an Api by ApiId, a Route by ApiId|RouteId",
    async run(t) {
      const api = await t.client().send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId }));
      assert.equal(api.ResourceDescription?.Identifier, t.apiId);
      const apiModel = parseModel(api.ResourceDescription?.Properties, "Api");
      assert.equal(apiModel.ApiId, t.apiId);
      assert.equal(apiModel.ProtocolType, "WEBSOCKET");
      const route = await t.client().send(new GetResourceCommand({ TypeName: ROUTE, Identifier: `${t.apiId}|${t.routeId}` }));
      assert.equal(route.ResourceDescription?.Identifier, `${t.apiId}|${t.routeId}`);
      const routeModel = parseModel(route.ResourceDescription?.Properties, "Route");
      assert.equal(routeModel.ApiId, t.apiId);
      assert.equal(routeModel.RouteId, t.routeId);
      assert.equal(typeof routeModel.RouteKey, "string");
    },
  },
  {
    id: "CC-LIST-NO-MODEL",
    level: "MUST",
    title: "ListResources of route responses without a ResourceModel answers 400 InvalidRequestException in AWS's message shape",
    async run(t) {
      await expectServiceError(t.client().send(new ListResourcesCommand({ TypeName: ROUTE_RESPONSE })), {
        name: "InvalidRequestException",
        status: 400,
        // Both required keys are missing: everit, the validator behind the message, sums them up.
        message: `Missing or invalid ResourceModel property in ${ROUTE_RESPONSE} list handler request input.Required property: (#: 2 schema violations found)`,
      });
    },
  },
  {
    id: "CC-LIST-PARTIAL-MODEL",
    level: "MUST",
    title: "A ResourceModel without RouteId for route responses, or without ApiId for routes, answers 400 InvalidRequestException naming the key",
    async run(t) {
      await expectServiceError(
        t.client().send(new ListResourcesCommand({ TypeName: ROUTE_RESPONSE, ResourceModel: JSON.stringify({ ApiId: t.apiId }) })),
        { name: "InvalidRequestException", status: 400, message: missingModelMessage(ROUTE_RESPONSE, "RouteId") },
      );
      await expectServiceError(t.client().send(new ListResourcesCommand({ TypeName: ROUTE })), {
        name: "InvalidRequestException",
        status: 400,
        message: missingModelMessage(ROUTE, "ApiId"),
      });
    },
  },
  {
    id: "CC-LIST-MISSING-PARENT",
    level: "SHOULD",
    title: "A ResourceModel naming an API that does not exist answers 404 ResourceNotFoundException naming it",
    async run(t) {
      await expectServiceError(
        t.client().send(
          new ListResourcesCommand({
            TypeName: ROUTE_RESPONSE,
            ResourceModel: JSON.stringify({ ApiId: MISSING_API_ID, RouteId: MISSING_ROUTE_ID }),
          }),
        ),
        { name: "ResourceNotFoundException", status: 404, messageIncludes: [MISSING_API_ID] },
      );
      await expectServiceError(
        t.client().send(new ListResourcesCommand({ TypeName: ROUTE, ResourceModel: JSON.stringify({ ApiId: MISSING_API_ID }) })),
        { name: "ResourceNotFoundException", status: 404, messageIncludes: [MISSING_API_ID] },
      );
    },
  },
  {
    id: "CC-LIST-ROUTE-RESPONSES",
    level: "MUST",
    title: "ListResources with {ApiId, RouteId} lists the route's route responses by string identifier, each with its identifier properties",
    async run(t) {
      const created = await t.createRouteResponseAndWait(FULL_PROPERTIES);
      const listing = await listAllResources(t, ROUTE_RESPONSE, { ApiId: t.apiId, RouteId: t.routeId });
      const mine = listing.items.filter((item) => item.Identifier === created.identifier);
      assert.equal(mine.length, 1, `listed once: ${JSON.stringify(listing.items)}`);
      for (const item of listing.items) {
        const model = parseModel(item.Properties, `list item ${String(item.Identifier)}`);
        assert.equal(item.Identifier, `${String(model.ApiId)}|${String(model.RouteId)}|${String(model.RouteResponseId)}`);
        assert.equal(model.ApiId, t.apiId);
        assert.equal(model.RouteId, t.routeId);
      }
    },
  },
  {
    id: "CC-LIST-PARENT-TYPES",
    level: "MUST",
    title: "APIs list without a ResourceModel and routes with {ApiId}; each lists the target's own",
    async run(t) {
      assert.ok((await listIdentifiers(t, API)).includes(t.apiId), "the target API is listed");
      assert.ok((await listIdentifiers(t, ROUTE, { ApiId: t.apiId })).includes(`${t.apiId}|${t.routeId}`), "the target route is listed");
    },
  },
  {
    id: "CC-LIST-BAD-NEXTTOKEN",
    level: "SHOULD",
    title: "A NextToken that no listing issued answers 400 InvalidRequestException",
    async run(t) {
      await expectServiceError(
        t.client().send(new ListResourcesCommand({ TypeName: API, NextToken: "bm90LWEtcmVhbC10b2tlbg==" })),
        { name: "InvalidRequestException", status: 400 },
      );
    },
  },
  {
    id: "CC-LIST-IDS-ONLY",
    level: "MUST",
    title: "By default list items carry only the primary identifier properties of each type",
    needs: "emulator",
    async run(t) {
      await t.createRouteResponseAndWait(FULL_PROPERTIES);
      const cases: Array<[string, Record<string, unknown> | undefined, string[]]> = [
        [API, undefined, ["ApiId"]],
        [ROUTE, { ApiId: t.apiId }, ["ApiId", "RouteId"]],
        [ROUTE_RESPONSE, { ApiId: t.apiId, RouteId: t.routeId }, ["ApiId", "RouteId", "RouteResponseId"]],
      ];
      for (const [typeName, model, keys] of cases) {
        const listing = await listAllResources(t, typeName, model);
        assert.ok(listing.items.length > 0, `${typeName}: something to list`);
        for (const item of listing.items) {
          assert.deepEqual(Object.keys(parseModel(item.Properties, typeName)).sort(), keys, `${typeName} item ${String(item.Identifier)}`);
        }
      }
    },
  },
  {
    id: "CC-LIST-PAGES",
    level: "MUST",
    title: "ListResources pages hold 25 items in creation order, follow NextToken alone to the end (MaxResults ignored), with no duplicate and no gap",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const apiId = "pagesapi01";
      // Not creation order by id: a listing sorted by id instead would show.
      const ids = Array.from({ length: 31 }, (_, i) => `pg${String((i * 7) % 31).padStart(5, "0")}`);
      running.seed({ resources: [seededApi(apiId), ...ids.map((id, i) => seededRoute(apiId, id, `paging${i}`))] });
      const model = { ApiId: apiId };
      const before = running.stats();
      const listing = await listAllResources(t, ROUTE, model, { maxResults: 2 });
      assert.deepEqual(listing.pageSizes, [25, 6], "page sizes with MaxResults 2");
      assert.deepEqual(
        listing.items.map((item) => item.Identifier),
        ids.map((id) => `${apiId}|${id}`),
        "every seeded route once, in creation order",
      );
      assert.equal(statsDelta(before, running.stats(), "ListResources").calls, 2, "two pages, two calls");
      const withoutMax = await listAllResources(t, ROUTE, model, { maxResults: 100 });
      assert.deepEqual(withoutMax.pageSizes, [25, 6], "page sizes with MaxResults 100");
    },
  },
  {
    id: "CC-LIST-FOREIGN-NEXTTOKEN",
    level: "SHOULD",
    title: "A NextToken from another listing, or altered, answers 400 InvalidRequestException",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const apiId = "pagesapi02";
      running.seed({
        resources: [seededApi(apiId), ...Array.from({ length: 26 }, (_, i) => seededRoute(apiId, `pq${String(i).padStart(5, "0")}`, `k${i}`))],
      });
      const model = JSON.stringify({ ApiId: apiId });
      const first = await t.client().send(new ListResourcesCommand({ TypeName: ROUTE, ResourceModel: model }));
      const token = first.NextToken;
      assert.ok(token !== undefined, "26 items make two pages");
      await expectServiceError(
        t.client().send(new ListResourcesCommand({ TypeName: ROUTE, ResourceModel: JSON.stringify({ ApiId: t.apiId }), NextToken: token })),
        { name: "InvalidRequestException", status: 400 },
      );
      await expectServiceError(
        t.client().send(
          new ListResourcesCommand({
            TypeName: ROUTE_RESPONSE,
            ResourceModel: JSON.stringify({ ApiId: t.apiId, RouteId: t.routeId }),
            NextToken: token,
          }),
        ),
        { name: "InvalidRequestException", status: 400 },
      );
      await expectServiceError(t.client().send(new ListResourcesCommand({ TypeName: API, NextToken: token })), {
        name: "InvalidRequestException",
        status: 400,
      });
      const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
      await expectServiceError(
        t.client().send(new ListResourcesCommand({ TypeName: ROUTE, ResourceModel: model, NextToken: altered })),
        { name: "InvalidRequestException", status: 400 },
      );
      const second = await t.client().send(new ListResourcesCommand({ TypeName: ROUTE, ResourceModel: model, NextToken: token }));
      assert.equal(second.ResourceDescriptions?.length, 1, "the genuine token still works");
    },
  },
  {
    id: "CC-REGION-SEPARATE",
    level: "MUST",
    title: "Regions are separate worlds: the target's API and a route response created in its region are not found in another region",
    async run(t) {
      await expectServiceError(t.client(t.otherRegion).send(new GetResourceCommand({ TypeName: API, Identifier: t.apiId })), {
        name: "ResourceNotFoundException",
        status: 404,
      });
      const created = await t.createRouteResponseAndWait();
      await expectServiceError(
        t.client(t.otherRegion).send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: created.identifier })),
        { name: "ResourceNotFoundException", status: 404 },
      );
      assert.ok(!(await listIdentifiers(t, API, undefined, t.otherRegion)).includes(t.apiId), "listed in the other region");
    },
  },
  {
    id: "CC-REGION-DEMO",
    level: "MUST",
    title: "The region of the SigV4 scope selects the store: the demo's eu-west-1 API is found there and only there",
    needs: "emulator",
    async run(t) {
      const { running } = emulatorOf(t);
      const before = running.stats().regions[DEMO_WEST_REGION] ?? 0;
      const west = await getProperties(t, API, DEMO_WEST_API_ID, DEMO_WEST_REGION);
      assert.equal(west.ApiId, DEMO_WEST_API_ID);
      const identifier = JSON.stringify({ ApiId: DEMO_WEST_API_ID, RouteId: DEMO_WEST_ROUTE_ID, RouteResponseId: DEMO_WEST_ROUTE_RESPONSE_ID });
      const rr = await getProperties(t, ROUTE_RESPONSE, identifier, DEMO_WEST_REGION);
      assert.equal(rr.RouteResponseKey, "$default");
      await expectServiceError(t.client(DEMO_REGION).send(new GetResourceCommand({ TypeName: API, Identifier: DEMO_WEST_API_ID })), {
        name: "ResourceNotFoundException",
        status: 404,
      });
      assert.ok(!(await listIdentifiers(t, API, undefined, DEMO_WEST_REGION)).includes(DEMO_API_ID), "the us-east-1 API in eu-west-1");
      assert.equal((running.stats().regions[DEMO_WEST_REGION] ?? 0) - before, 3, "three calls counted in eu-west-1");
    },
  },
  {
    id: "CC-SEED-DEMO",
    level: "SHOULD",
    title: "The demo seed serves its documented chat API: its routes, a route response with its full model, at most one ($default) route response per route",
    needs: "emulator",
    async run(t) {
      const routes = await listIdentifiers(t, ROUTE, { ApiId: DEMO_API_ID }, DEMO_REGION);
      assert.deepEqual([...routes].sort(), Object.values(DEMO_ROUTES).map((id) => `${DEMO_API_ID}|${id}`).sort());
      const model = await getProperties(
        t,
        ROUTE_RESPONSE,
        `${DEMO_API_ID}|${DEMO_ROUTES.sendMessage}|${DEMO_ROUTE_RESPONSES.sendMessageDefault}`,
        DEMO_REGION,
      );
      assert.deepEqual(model, {
        ApiId: DEMO_API_ID,
        RouteId: DEMO_ROUTES.sendMessage,
        RouteResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault,
        RouteResponseKey: "$default",
        ModelSelectionExpression: "$context.status",
        ResponseModels: { "application/json": "MessageAck" },
        ResponseParameters: {
          "method.response.header.X-Message-Id": { Required: true },
          "method.response.header.X-Room": { Required: false },
        },
      });
      for (const routeId of Object.values(DEMO_ROUTES)) {
        const responses = await listIdentifiers(t, ROUTE_RESPONSE, { ApiId: DEMO_API_ID, RouteId: routeId }, DEMO_REGION);
        assert.ok(responses.length <= 1, `route ${routeId} holds ${responses.length} route responses`);
      }
    },
  },
];
