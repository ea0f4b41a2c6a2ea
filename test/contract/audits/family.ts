// The WebSocket API around a route response (reference §7, the graph work): the Model type, the
// `$default`-only route response key, the shape of a write's first event, the bare ResourceNotFound
// form, and the demo account that shows them. Audits that need an emulator started with other
// options (lenient keys, bare not-found) start their own, in process, and stop it in cleanup.
import * as assert from "node:assert/strict";
import {
  CloudControlClient,
  CreateResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
} from "@aws-sdk/client-cloudcontrol";
import type { ProgressEvent } from "@aws-sdk/client-cloudcontrol";
import {
  DEMO_API_ID,
  DEMO_HTTP_API_ID,
  DEMO_MISSING_MODEL_NAME,
  DEMO_REGION,
  DEMO_ROUTE_RESPONSES,
  DEMO_ROUTES,
} from "../../../src/emulator/demoSeed.js";
import { startEmulator } from "../../../src/emulator/index.js";
import type { EmulatorOptions } from "../../../src/emulator/index.js";
import type { Audit, Target } from "../audit.js";
import { assertAccepted, assertFailed, assertSucceeded, expectServiceError } from "../expect.js";
import {
  API,
  MISSING_API_ID,
  MISSING_ROUTE_ID,
  MISSING_ROUTE_RESPONSE_ID,
  MODEL,
  ROUTE,
  ROUTE_RESPONSE,
  TERMINAL_STATUSES,
  createAndWait,
  deleteAndWait,
  getProperties,
  listIdentifiers,
  parseModel,
  routeResponsesOfTargetRoute,
  sleep,
  updateAndWait,
  updateResource,
} from "../steps.js";

const ACK_SCHEMA = { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] };

/** A model name no other audit uses, letters and digits only as API Gateway wants. */
const freshModelName = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The "Handler returned status FAILED" form of a missing resource (reference §7). */
const BARE_NOT_FOUND = (typeName: string) =>
  new RegExp(`^${typeName.replaceAll(":", "\\:")} Handler returned status FAILED: .+ \\(HandlerErrorCode: NotFound, RequestToken: [-0-9a-f]{36}\\)$`);

interface Variant {
  client: CloudControlClient;
}

/** An emulator with other options (demo seed), stopped with its client when the audit's cleanup runs. */
async function variant(t: Target, options: EmulatorOptions): Promise<Variant> {
  const running = await startEmulator({ host: "127.0.0.1", port: 0, seed: "demo", ...options });
  const client = new CloudControlClient({
    region: DEMO_REGION,
    endpoint: running.url,
    credentials: { accessKeyId: "AKIDCONTRACTVARIANT", secretAccessKey: "contract-variant-secret" },
    maxAttempts: 1,
  });
  t.cleanup.push(async () => {
    client.destroy();
    await running.close();
  });
  return { client };
}

/** Creates through `client` and polls it to the end (bounded); answers the final event. */
async function createOn(client: CloudControlClient, typeName: string, desired: Record<string, unknown>): Promise<ProgressEvent> {
  const first = await client.send(new CreateResourceCommand({ TypeName: typeName, DesiredState: JSON.stringify(desired) }));
  for (let poll = 0; poll < 100; poll++) {
    const out = await client.send(new GetResourceRequestStatusCommand({ RequestToken: first.ProgressEvent?.RequestToken ?? "" }));
    const status = out.ProgressEvent?.OperationStatus;
    if (status !== undefined && TERMINAL_STATUSES.has(status)) return out.ProgressEvent ?? {};
    await sleep(10);
  }
  throw new Error(`creating ${typeName} did not finish`);
}

export const familyAudits: Audit[] = [
  {
    id: "CC-WRITE-FIRST-EVENT",
    level: "MUST",
    title: "The first event of a create and of an update carries no ResourceModel and no RetryAfter; a create's carries no Identifier, an update's does",
    async run(t) {
      const first = await t.createRouteResponse({ ModelSelectionExpression: "$context.first" });
      assertAccepted(first, "CREATE");
      assert.equal(first.TypeName, ROUTE_RESPONSE);
      assert.equal(first.Identifier, undefined, "the create's first event has no Identifier");
      assert.equal(first.ResourceModel, undefined, "the create's first event carries no ResourceModel");
      assert.equal(first.RetryAfter, undefined, "the create's first event carries no RetryAfter");
      const created = await t.waitForRequest(first.RequestToken ?? "");
      assertSucceeded(created, "the create");
      const identifier = created.Identifier ?? "";
      const update = await updateResource(t, ROUTE_RESPONSE, identifier, [{ op: "replace", path: "/ModelSelectionExpression", value: "$context.second" }]);
      assertAccepted(update, "UPDATE");
      assert.equal(update.Identifier, identifier, "the update's first event names the resource");
      assert.equal(update.ResourceModel, undefined, "the update's first event carries no ResourceModel");
      assert.equal(update.RetryAfter, undefined, "the update's first event carries no RetryAfter");
      assertSucceeded(await t.waitForRequest(update.RequestToken ?? ""), "the update");
    },
  },
  {
    id: "CC-WRITE-FINAL-EVENT",
    level: "MUST",
    title: "The final event of a create, an update and a delete carries the Identifier and no ResourceModel",
    async run(t) {
      const first = await t.createRouteResponse();
      const created = await t.waitForRequest(first.RequestToken ?? "");
      assertSucceeded(created, "the create");
      assert.ok(created.Identifier !== undefined, "the final create event carries the Identifier");
      assert.equal(created.ResourceModel, undefined, "the final create event carries no ResourceModel");
      const identifier = created.Identifier;
      const updated = await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "add", path: "/ModelSelectionExpression", value: "$context.y" }]);
      assertSucceeded(updated, "the update");
      assert.equal(updated.Identifier, identifier);
      assert.equal(updated.ResourceModel, undefined, "the final update event carries no ResourceModel");
      const deleted = await deleteAndWait(t, ROUTE_RESPONSE, identifier);
      assertSucceeded(deleted, "the delete");
      assert.equal(deleted.Identifier, identifier);
      assert.equal(deleted.ResourceModel, undefined, "the final delete event carries no ResourceModel");
    },
  },
  {
    id: "CC-RR-KEY-DEFAULT-ONLY",
    level: "MUST",
    title: "A route response with a RouteResponseKey other than $default on a WebSocket route ends FAILED with InvalidRequest, and nothing is created",
    async run(t) {
      const refused = await t.createRouteResponse({ RouteResponseKey: "error" });
      assertAccepted(refused, "CREATE");
      assertFailed(await t.waitForRequest(refused.RequestToken ?? ""), "InvalidRequest", ["$default"]);
      assert.deepEqual(await routeResponsesOfTargetRoute(t), [], "nothing created");
    },
  },
  {
    id: "CC-RR-KEY-UPDATE",
    level: "MUST",
    title: "An update that changes a route response's key away from $default ends FAILED with InvalidRequest and leaves the key as it was",
    async run(t) {
      const created = await t.createRouteResponseAndWait();
      const final = await updateAndWait(t, ROUTE_RESPONSE, created.identifier, [{ op: "replace", path: "/RouteResponseKey", value: "ack" }]);
      assertFailed(final, "InvalidRequest", ["$default"]);
      assert.equal((await getProperties(t, ROUTE_RESPONSE, created.identifier)).RouteResponseKey, "$default");
    },
  },
  {
    id: "CC-RR-ONE-PER-ROUTE",
    level: "MUST",
    title: "A route holds at most one route response: a second $default ends FAILED with AlreadyExists, and once the first is deleted a new one can be created",
    async run(t) {
      const first = await t.createRouteResponseAndWait();
      const second = await t.createRouteResponse({ ModelSelectionExpression: "$context.second" });
      assertFailed(await t.waitForRequest(second.RequestToken ?? ""), "AlreadyExists");
      assert.deepEqual(await routeResponsesOfTargetRoute(t), [first.identifier]);
      assertSucceeded(await deleteAndWait(t, ROUTE_RESPONSE, first.identifier), "deleting the first");
      const again = await t.createRouteResponseAndWait();
      assert.deepEqual(await routeResponsesOfTargetRoute(t), [again.identifier]);
    },
  },
  {
    id: "CC-RR-LENIENT-KEYS",
    level: "SHOULD",
    title: "With lenientRouteResponseKeys the emulator takes any RouteResponseKey, one route response per key and route; without it, only $default",
    needs: "emulator",
    async run(t) {
      const lenient = await variant(t, { lenientRouteResponseKeys: true });
      const base = { ApiId: DEMO_API_ID, RouteId: DEMO_ROUTES.disconnect };
      assertSucceeded(await createOn(lenient.client, ROUTE_RESPONSE, { ...base, RouteResponseKey: "$default" }), "$default");
      assertSucceeded(await createOn(lenient.client, ROUTE_RESPONSE, { ...base, RouteResponseKey: "error" }), "a second key");
      assertFailed(await createOn(lenient.client, ROUTE_RESPONSE, { ...base, RouteResponseKey: "error" }), "AlreadyExists");
      const strict = await variant(t, {});
      assertFailed(await createOn(strict.client, ROUTE_RESPONSE, { ...base, RouteResponseKey: "error" }), "InvalidRequest");
    },
  },
  {
    id: "CC-NOTFOUND-BARE",
    level: "SHOULD",
    title: "With bareNotFound a missing resource answers 404 ResourceNotFound with the handler's 'Handler returned status FAILED: ... (HandlerErrorCode: NotFound, RequestToken: ...)' message",
    needs: "emulator",
    async run(t) {
      const { client } = await variant(t, { bareNotFound: true });
      const missing = `${DEMO_API_ID}|${DEMO_ROUTES.disconnect}|${MISSING_ROUTE_RESPONSE_ID}`;
      const expectBare = async (action: Promise<unknown>, typeName: string) => {
        const error = await expectServiceError(action, { name: "ResourceNotFound", status: 404 });
        assert.match(error.message, BARE_NOT_FOUND(typeName));
      };
      await expectBare(client.send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: missing })), ROUTE_RESPONSE);
      await expectBare(
        client.send(new UpdateResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: missing, PatchDocument: '[{"op":"add","path":"/ModelSelectionExpression","value":"x"}]' })),
        ROUTE_RESPONSE,
      );
      await expectBare(
        client.send(new ListResourcesCommand({ TypeName: ROUTE_RESPONSE, ResourceModel: JSON.stringify({ ApiId: DEMO_API_ID, RouteId: MISSING_ROUTE_ID }) })),
        ROUTE_RESPONSE,
      );
      await expectBare(client.send(new GetResourceCommand({ TypeName: MODEL, Identifier: `${MISSING_API_ID}|mdx0000` })), MODEL);
      // Found resources answer as ever.
      const found = await client.send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: `${DEMO_API_ID}|${DEMO_ROUTES.sendMessage}|${DEMO_ROUTE_RESPONSES.sendMessageDefault}` }));
      assert.equal(parseModel(found.ResourceDescription?.Properties, "GetResource").RouteResponseKey, "$default");
    },
  },
  {
    id: "CC-MODEL-LIFECYCLE",
    level: "MUST",
    title: "A Model is created, read, listed under its API, updated and deleted through Cloud Control, identified as ApiId|ModelId",
    async run(t) {
      const name = freshModelName("Ack");
      const desired = { ApiId: t.apiId, Name: name, ContentType: "application/json", Schema: ACK_SCHEMA };
      const identifier = await createAndWait(t, MODEL, desired);
      const [apiId, modelId] = identifier.split("|");
      assert.equal(apiId, t.apiId);
      assert.ok(modelId !== undefined && modelId.length > 0, `identifier ${identifier}`);
      assert.deepEqual(await getProperties(t, MODEL, identifier), { ...desired, ModelId: modelId });
      assert.deepEqual(await getProperties(t, MODEL, JSON.stringify({ ModelId: modelId, ApiId: t.apiId })), { ...desired, ModelId: modelId });
      assert.ok((await listIdentifiers(t, MODEL, { ApiId: t.apiId })).includes(identifier), "listed under its API");
      assertSucceeded(await updateAndWait(t, MODEL, identifier, [{ op: "add", path: "/Description", value: "acknowledgement" }]), "the update");
      assert.equal((await getProperties(t, MODEL, identifier)).Description, "acknowledgement");
      assertSucceeded(await deleteAndWait(t, MODEL, identifier), "the delete");
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: MODEL, Identifier: identifier })), {
        name: "ResourceNotFoundException",
        status: 404,
      });
    },
  },
  {
    id: "CC-MODEL-ID-SHAPE",
    level: "SHOULD",
    title: "Generated ModelIds are seven characters of [a-z0-9], as the emulator's other child ids",
    needs: "emulator",
    async run(t) {
      const identifier = await createAndWait(t, MODEL, { ApiId: t.apiId, Name: freshModelName("Shape"), Schema: ACK_SCHEMA });
      assert.match(identifier, new RegExp(`^${t.apiId}\\|[a-z0-9]{7}$`));
    },
  },
  {
    id: "CC-MODEL-LIST-NEEDS-API",
    level: "MUST",
    title: "Listing Models needs ResourceModel {ApiId}: without it, 400 InvalidRequestException naming ApiId",
    async run(t) {
      await expectServiceError(t.client().send(new ListResourcesCommand({ TypeName: MODEL })), {
        name: "InvalidRequestException",
        status: 400,
        messageIncludes: [MODEL, "required key [ApiId] not found"],
      });
    },
  },
  {
    id: "CC-MODEL-SCHEMA",
    level: "MUST",
    title: "A Model needs ApiId, Name and Schema, takes no other keys, and Schema is an object: else 400 ValidationException 'Model validation failed (...)'",
    async run(t) {
      const create = (desired: Record<string, unknown>) => t.createResource(MODEL, desired);
      await expectServiceError(create({ ApiId: t.apiId, Name: "NoSchema" }), {
        name: "ValidationException",
        status: 400,
        message: "Model validation failed (#: required key [Schema] not found)",
      });
      await expectServiceError(create({ ApiId: t.apiId, Name: "BadSchema", Schema: "not an object" }), {
        name: "ValidationException",
        status: 400,
        message: "Model validation failed (#/Schema: expected type: JSONObject, found: String)",
      });
      await expectServiceError(create({ ApiId: t.apiId, Name: "Extra", Schema: ACK_SCHEMA, Title: "x" }), {
        name: "ValidationException",
        status: 400,
        message: "Model validation failed (#: extraneous key [Title] is not permitted)",
      });
    },
  },
  {
    id: "CC-MODEL-PROTECTED",
    level: "MUST",
    title: "A Model's ApiId is create-only (400 NotUpdatableException) and its ModelId read-only (400 ValidationException)",
    async run(t) {
      const identifier = await createAndWait(t, MODEL, { ApiId: t.apiId, Name: freshModelName("Guard"), Schema: ACK_SCHEMA });
      await expectServiceError(updateResource(t, MODEL, identifier, [{ op: "replace", path: "/ApiId", value: MISSING_API_ID }]), {
        name: "NotUpdatableException",
        status: 400,
        message: "Invalid patch update: createOnlyProperties [/properties/ApiId] cannot be updated",
      });
      await expectServiceError(updateResource(t, MODEL, identifier, [{ op: "replace", path: "/ModelId", value: "other01" }]), {
        name: "ValidationException",
        status: 400,
        message: "Invalid patch update: readOnlyProperties [/properties/ModelId] cannot be updated",
      });
    },
  },
  {
    id: "CC-MODEL-HANDLER",
    level: "SHOULD",
    title: "A Model under a missing API ends FAILED NotFound; a taken name in its API ends FAILED AlreadyExists; a non-alphanumeric name ends FAILED InvalidRequest",
    async run(t) {
      const missing = await t.createResource(MODEL, { ApiId: MISSING_API_ID, Name: "Orphan", Schema: ACK_SCHEMA });
      assertFailed(await t.waitForRequest(missing.RequestToken ?? ""), "NotFound", ["Invalid API identifier specified", MISSING_API_ID]);
      const name = freshModelName("Taken");
      await createAndWait(t, MODEL, { ApiId: t.apiId, Name: name, Schema: ACK_SCHEMA });
      const taken = await t.createResource(MODEL, { ApiId: t.apiId, Name: name, Schema: ACK_SCHEMA });
      assertFailed(await t.waitForRequest(taken.RequestToken ?? ""), "AlreadyExists", [name]);
      const badName = await t.createResource(MODEL, { ApiId: t.apiId, Name: "not-alphanumeric", Schema: ACK_SCHEMA });
      assertFailed(await t.waitForRequest(badName.RequestToken ?? ""), "InvalidRequest");
    },
  },
  {
    id: "CC-MODEL-WEBSOCKET-ONLY",
    level: "MUST",
    title: "Models exist only under WebSocket APIs: a Model under an HTTP API ends FAILED with InvalidRequest, and deleting an API deletes its models",
    needs: "emulator",
    async run(t) {
      const httpApiId = await createAndWait(t, API, { Name: "contract-http-models", ProtocolType: "HTTP" });
      const underHttp = await t.createResource(MODEL, { ApiId: httpApiId, Name: "Nope", Schema: ACK_SCHEMA });
      assertFailed(await t.waitForRequest(underHttp.RequestToken ?? ""), "InvalidRequest");
      const apiId = await createAndWait(t, API, { Name: "contract-models", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" });
      const modelIdentifier = await createAndWait(t, MODEL, { ApiId: apiId, Name: "Gone", Schema: ACK_SCHEMA });
      assertSucceeded(await deleteAndWait(t, API, apiId), "deleting the API");
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: MODEL, Identifier: modelIdentifier })), {
        name: "ResourceNotFoundException",
        status: 404,
      });
    },
  },
  {
    id: "CC-SEED-DEMO-ACCOUNT",
    level: "SHOULD",
    title: "The demo account: several WebSocket APIs and one HTTP API; two-way routes hold one $default route response, one-way routes none; model names resolve but one",
    needs: "emulator",
    async run(t) {
      const apis = await Promise.all(
        (await listIdentifiers(t, API, undefined, DEMO_REGION)).map((id) => getProperties(t, API, id, DEMO_REGION)),
      );
      const websocket = apis.filter((api) => api.ProtocolType === "WEBSOCKET");
      assert.ok(websocket.length >= 3, `${websocket.length} WebSocket APIs`);
      assert.deepEqual(apis.filter((api) => api.ProtocolType === "HTTP").map((api) => api.ApiId), [DEMO_HTTP_API_ID]);
      let routeCount = 0;
      const dangling: string[] = [];
      for (const api of apis) {
        const apiId = String(api.ApiId);
        const modelNames = new Set(
          (await Promise.all((api.ProtocolType === "WEBSOCKET" ? await listIdentifiers(t, MODEL, { ApiId: apiId }, DEMO_REGION) : []).map((id) => getProperties(t, MODEL, id, DEMO_REGION)))).map((m) => m.Name),
        );
        for (const routeIdentifier of await listIdentifiers(t, ROUTE, { ApiId: apiId }, DEMO_REGION)) {
          routeCount += 1;
          const route = await getProperties(t, ROUTE, routeIdentifier, DEMO_REGION);
          const responses = await listIdentifiers(t, ROUTE_RESPONSE, { ApiId: apiId, RouteId: route.RouteId }, DEMO_REGION);
          const twoWay = route.RouteResponseSelectionExpression !== undefined;
          assert.equal(responses.length, twoWay ? 1 : 0, `route ${routeIdentifier} (${twoWay ? "two-way" : "one-way"})`);
          for (const identifier of responses) {
            const response = await getProperties(t, ROUTE_RESPONSE, identifier, DEMO_REGION);
            assert.equal(response.RouteResponseKey, "$default", identifier);
            for (const name of Object.values((response.ResponseModels ?? {}) as Record<string, string>)) {
              if (!modelNames.has(name)) dangling.push(`${identifier} -> ${name}`);
            }
          }
        }
      }
      assert.ok(routeCount >= 20, `${routeCount} routes`);
      assert.deepEqual(dangling, [`${DEMO_API_ID}|${DEMO_ROUTES.sendPrivateMessage}|${DEMO_ROUTE_RESPONSES.sendPrivateMessageDefault} -> ${DEMO_MISSING_MODEL_NAME}`]);
    },
  },
];
