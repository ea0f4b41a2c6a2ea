// Member constraints, checked before anything else and answered as Coral does (docs/emulator.md
// "Protocol"; constraints from the Smithy model, reference §2). The SDK validates nothing itself, so
// every bad input here reaches the server as written.
import * as assert from "node:assert/strict";
import {
  CancelResourceRequestCommand,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourceRequestsCommand,
  ListResourcesCommand,
} from "@aws-sdk/client-cloudcontrol";
import type { ResourceRequestStatusFilter } from "@aws-sdk/client-cloudcontrol";
import type { Audit } from "../audit.js";
import { expectServiceError, statsDelta } from "../expect.js";
import { API, ROUTE_RESPONSE, routeResponsesOfTargetRoute } from "../steps.js";

const NULL_TYPE_NAME = "Value null at 'typeName' failed to satisfy constraint: Member must not be null";
const NULL_IDENTIFIER = "Value null at 'identifier' failed to satisfy constraint: Member must not be null";
const UNKNOWN_TYPE = "AWS::NoSuch::Thing";

const validation = { name: "ValidationException", status: 400 } as const;

export const validationAudits: Audit[] = [
  {
    id: "CC-VAL-NULL",
    level: "MUST",
    title: "A missing required member answers 400 ValidationException in Coral's words, once (a 400 is not retried)",
    async run(t) {
      const before = t.emulator?.running.stats();
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: undefined, Identifier: t.apiId })), {
        ...validation,
        message: `1 validation error detected: ${NULL_TYPE_NAME}`,
      });
      if (t.emulator !== undefined && before !== undefined) {
        assert.deepEqual(statsDelta(before, t.emulator.running.stats(), "GetResource"), { calls: 1, errors: 1, throttled: 0 });
      }
    },
  },
  {
    id: "CC-VAL-MANY",
    level: "MUST",
    title: "Several violations are counted and listed together, separated by '; '",
    async run(t) {
      const error = await expectServiceError(
        t.client().send(new GetResourceCommand({ TypeName: undefined, Identifier: undefined })),
        { ...validation, messageStartsWith: "2 validation errors detected: " },
      );
      const clauses = error.message.slice("2 validation errors detected: ".length).split("; ");
      assert.deepEqual([...clauses].sort(), [NULL_IDENTIFIER, NULL_TYPE_NAME].sort());
    },
  },
  {
    id: "CC-VAL-PATTERN",
    level: "MUST",
    title: "A TypeName outside the documented pattern answers 400 ValidationException naming 'typeName'",
    async run(t) {
      for (const typeName of ["not a type", "AWS::ApiGatewayV2", "AWS::A::RouteResponse"]) {
        await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: typeName, Identifier: t.apiId })), {
          ...validation,
          messageStartsWith: "1 validation error detected: ",
          messageIncludes: [`'${typeName}'`, "at 'typeName' failed to satisfy constraint"],
        });
      }
    },
  },
  {
    id: "CC-VAL-TOKENS",
    level: "MUST",
    title: "ClientToken and RequestToken outside 1..128 characters of [-A-Za-z0-9+/=] answer 400 ValidationException naming the member",
    async run(t) {
      const identifier = `${t.apiId}|${t.routeId}|zzz0000`;
      await expectServiceError(
        t.client().send(new DeleteResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: identifier, ClientToken: "has spaces!" })),
        { ...validation, messageIncludes: ["'clientToken'"] },
      );
      await expectServiceError(
        t.client().send(new DeleteResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: identifier, ClientToken: "a".repeat(129) })),
        { ...validation, messageIncludes: ["'clientToken'"] },
      );
      await expectServiceError(t.client().send(new GetResourceRequestStatusCommand({ RequestToken: "" })), {
        ...validation,
        messageIncludes: ["'requestToken'"],
      });
      await expectServiceError(t.client().send(new CancelResourceRequestCommand({ RequestToken: "bad token" })), {
        ...validation,
        messageIncludes: ["'requestToken'"],
      });
    },
  },
  {
    id: "CC-VAL-LENGTHS",
    level: "MUST",
    title: "An Identifier over 1024 characters or an empty one answers 400 ValidationException naming 'identifier'",
    async run(t) {
      for (const identifier of ["x".repeat(1025), ""]) {
        await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE, Identifier: identifier })), {
          ...validation,
          messageIncludes: ["'identifier'"],
        });
      }
    },
  },
  {
    id: "CC-VAL-MAXRESULTS",
    level: "MUST",
    title: "MaxResults outside 1..100 answers 400 ValidationException on ListResources and ListResourceRequests; 1 and 100 are accepted",
    async run(t) {
      for (const maxResults of [0, 101, -1]) {
        await expectServiceError(t.client().send(new ListResourcesCommand({ TypeName: API, MaxResults: maxResults })), {
          ...validation,
          messageIncludes: ["'maxResults'"],
        });
        await expectServiceError(t.client().send(new ListResourceRequestsCommand({ MaxResults: maxResults })), {
          ...validation,
          messageIncludes: ["'maxResults'"],
        });
      }
      for (const maxResults of [1, 100]) {
        const listed = await t.client().send(new ListResourcesCommand({ TypeName: API, MaxResults: maxResults }));
        assert.ok(Array.isArray(listed.ResourceDescriptions), `MaxResults ${maxResults} is valid`);
        const requests = await t.client().send(new ListResourceRequestsCommand({ MaxResults: maxResults }));
        assert.ok(Array.isArray(requests.ResourceRequestStatusSummaries), `MaxResults ${maxResults} is valid`);
      }
    },
  },
  {
    id: "CC-VAL-ENUM",
    level: "MUST",
    title: "A ResourceRequestStatusFilter value outside its enum answers 400 ValidationException",
    async run(t) {
      const bad = [
        { Operations: ["FROBNICATE"] },
        { OperationStatuses: ["DONE"] },
      ] as unknown as ResourceRequestStatusFilter[];
      for (const filter of bad) {
        await expectServiceError(t.client().send(new ListResourceRequestsCommand({ ResourceRequestStatusFilter: filter })), validation);
      }
    },
  },
  {
    id: "CC-VAL-FIRST",
    level: "MUST",
    title: "Member validation comes before anything else: an unknown type with a missing DesiredState is a ValidationException, and nothing is created",
    async run(t) {
      const before = await routeResponsesOfTargetRoute(t);
      await expectServiceError(
        t.client().send(new CreateResourceCommand({ TypeName: UNKNOWN_TYPE, DesiredState: undefined })),
        { ...validation, messageIncludes: ["'desiredState'"] },
      );
      await expectServiceError(
        t.client().send(
          new CreateResourceCommand({
            TypeName: ROUTE_RESPONSE,
            DesiredState: JSON.stringify({ ApiId: t.apiId, RouteId: t.routeId, RouteResponseKey: "$default" }),
            ClientToken: "not a token",
          }),
        ),
        { ...validation, messageIncludes: ["'clientToken'"] },
      );
      assert.deepEqual(await routeResponsesOfTargetRoute(t), before, "a rejected create changed the route's route responses");
    },
  },
  {
    id: "CC-TYPE-NOT-FOUND",
    level: "MUST",
    title: "A well-formed type name that is not served answers 404 TypeNotFoundException naming the type, on reads, lists and writes",
    async run(t) {
      const expected = { name: "TypeNotFoundException", status: 404, messageIncludes: [UNKNOWN_TYPE] } as const;
      await expectServiceError(t.client().send(new GetResourceCommand({ TypeName: UNKNOWN_TYPE, Identifier: "x" })), expected);
      await expectServiceError(t.client().send(new ListResourcesCommand({ TypeName: UNKNOWN_TYPE })), expected);
      await expectServiceError(
        t.client().send(new CreateResourceCommand({ TypeName: UNKNOWN_TYPE, DesiredState: "{}" })),
        expected,
      );
      await expectServiceError(t.client().send(new DeleteResourceCommand({ TypeName: UNKNOWN_TYPE, Identifier: "x" })), expected);
    },
  },
];
