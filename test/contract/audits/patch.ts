// UpdateResource's PatchDocument: RFC 6902 as Cloud Control applies it (reference §3,
// docs/emulator.md "UpdateResource's patch"). Every audit creates its own route response and checks
// the model afterwards, so "nothing changed" is observed, not assumed.
import * as assert from "node:assert/strict";
import type { Audit, Target } from "../audit.js";
import { assertSucceeded, expectServiceError } from "../expect.js";
import type { PatchOperation } from "../steps.js";
import { ROUTE_RESPONSE, getProperties, updateAndWait, updateResource } from "../steps.js";

const START = {
  RouteResponseKey: "$default",
  ModelSelectionExpression: "$context.status",
  ResponseModels: { "application/json": "Ack" },
  ResponseParameters: { "method.response.header.X-A": { Required: true } },
};

/** A route response with the START properties; answers its identifier and its model as read back. */
async function startingPoint(t: Target, properties: Record<string, unknown> = START) {
  const created = await t.createRouteResponseAndWait(properties);
  const model = await getProperties(t, ROUTE_RESPONSE, created.identifier);
  return { identifier: created.identifier, model };
}

/** The patch must be refused synchronously with `expected`, and the resource must be as it was. */
async function expectRefused(
  t: Target,
  identifier: string,
  ops: readonly PatchOperation[] | string,
  expected: Parameters<typeof expectServiceError>[1],
  unchanged: Record<string, unknown>,
): Promise<void> {
  await expectServiceError(updateResource(t, ROUTE_RESPONSE, identifier, ops), expected);
  assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), unchanged, `the refused patch ${JSON.stringify(ops)} changed the resource`);
}

const cannotApply = { name: "ValidationException", status: 400, messageStartsWith: "Invalid patch update:" } as const;
const schemaViolation = { name: "ValidationException", status: 400, messageStartsWith: "Model validation failed (" } as const;
const createOnly = (property: string) => ({
  name: "NotUpdatableException",
  status: 400,
  message: `Invalid patch update: createOnlyProperties [/properties/${property}] cannot be updated`,
});
const readOnly = (property: string) => ({
  name: "ValidationException",
  status: 400,
  message: `Invalid patch update: readOnlyProperties [/properties/${property}] cannot be updated`,
});

export const patchAudits: Audit[] = [
  {
    id: "CC-PATCH-SIX-OPS",
    level: "MUST",
    title: "All six RFC 6902 operations apply, with ~0/~1 escapes in member names",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      const final = await updateAndWait(t, ROUTE_RESPONSE, identifier, [
        { op: "test", path: "/RouteResponseKey", value: "$default" },
        { op: "add", path: "/ResponseModels/text~1plain", value: "Text" },
        { op: "copy", from: "/ResponseModels/application~1json", path: "/ResponseModels/application~1xml" },
        { op: "move", from: "/ResponseParameters/method.response.header.X-A", path: "/ResponseParameters/method.response.header.X-B" },
        { op: "replace", path: "/ModelSelectionExpression", value: "$context.other" },
        { op: "add", path: "/ResponseParameters/a~0b", value: { Required: false } },
        { op: "remove", path: "/ResponseModels/application~1json" },
      ]);
      assertSucceeded(final, "the patch");
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), {
        ...model,
        ModelSelectionExpression: "$context.other",
        ResponseModels: { "text/plain": "Text", "application/xml": "Ack" },
        ResponseParameters: {
          "method.response.header.X-B": { Required: true },
          "a~b": { Required: false },
        },
      });
    },
  },
  {
    id: "CC-PATCH-ORDER",
    level: "MUST",
    title: "Operations apply in order, each seeing the result of the one before",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      const final = await updateAndWait(t, ROUTE_RESPONSE, identifier, [
        { op: "replace", path: "/ModelSelectionExpression", value: "one" },
        { op: "test", path: "/ModelSelectionExpression", value: "one" },
        { op: "copy", from: "/ModelSelectionExpression", path: "/ResponseModels/copied" },
        { op: "replace", path: "/ModelSelectionExpression", value: "two" },
        { op: "remove", path: "/ResponseModels/application~1json" },
      ]);
      assertSucceeded(final, "the patch");
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), {
        ...model,
        ModelSelectionExpression: "two",
        ResponseModels: { copied: "one" },
      });
    },
  },
  {
    id: "CC-PATCH-ATOMIC",
    level: "MUST",
    title: "A patch with an operation that cannot apply (a failed test) is refused with 400 ValidationException and changes nothing, earlier operations included",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      await expectRefused(
        t,
        identifier,
        [
          { op: "replace", path: "/ModelSelectionExpression", value: "changed" },
          { op: "add", path: "/ResponseModels/text~1plain", value: "Text" },
          { op: "test", path: "/RouteResponseKey", value: "not-the-key" },
        ],
        cannotApply,
        model,
      );
    },
  },
  {
    id: "CC-PATCH-SLASH",
    level: "MUST",
    title: "Paths apply with or without a leading slash",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      assertSucceeded(
        await updateAndWait(t, ROUTE_RESPONSE, identifier, [
          { op: "replace", path: "ModelSelectionExpression", value: "no-slash" },
          { op: "add", path: "ResponseModels/text~1plain", value: "Text" },
        ]),
        "the patch without slashes",
      );
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), {
        ...model,
        ModelSelectionExpression: "no-slash",
        ResponseModels: { "application/json": "Ack", "text/plain": "Text" },
      });
      assertSucceeded(
        await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "replace", path: "/ModelSelectionExpression", value: "slash" }]),
        "the patch with a slash",
      );
      assert.equal((await getProperties(t, ROUTE_RESPONSE, identifier)).ModelSelectionExpression, "slash");
    },
  },
  {
    id: "CC-PATCH-CREATE-ONLY",
    level: "MUST",
    title: "An operation writing a create-only property (ApiId, RouteId), with or without a slash, or moving from one, answers 400 NotUpdatableException with AWS's message",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      await expectRefused(t, identifier, [{ op: "replace", path: "/ApiId", value: "other00000" }], createOnly("ApiId"), model);
      await expectRefused(t, identifier, [{ op: "replace", path: "RouteId", value: "other00" }], createOnly("RouteId"), model);
      await expectRefused(t, identifier, [{ op: "remove", path: "/RouteId" }], createOnly("RouteId"), model);
      await expectRefused(
        t,
        identifier,
        [{ op: "move", from: "/ApiId", path: "/ModelSelectionExpression" }],
        createOnly("ApiId"),
        model,
      );
      // Create-only is checked before read-only, whatever the order of the operations.
      await expectRefused(
        t,
        identifier,
        [
          { op: "replace", path: "/RouteResponseId", value: "abc1234" },
          { op: "replace", path: "/ApiId", value: "other00000" },
        ],
        createOnly("ApiId"),
        model,
      );
    },
  },
  {
    id: "CC-PATCH-TEST-CREATE-ONLY",
    level: "SHOULD",
    title: "A test of a create-only property writes nothing and is allowed",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      assertSucceeded(
        await updateAndWait(t, ROUTE_RESPONSE, identifier, [
          { op: "test", path: "/ApiId", value: t.apiId },
          { op: "replace", path: "/ModelSelectionExpression", value: "tested" },
        ]),
        "the patch",
      );
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), { ...model, ModelSelectionExpression: "tested" });
    },
  },
  {
    id: "CC-PATCH-READ-ONLY",
    level: "MUST",
    title: "An operation writing the read-only RouteResponseId answers 400 ValidationException with AWS's message",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      await expectRefused(t, identifier, [{ op: "replace", path: "/RouteResponseId", value: "abc1234" }], readOnly("RouteResponseId"), model);
      await expectRefused(t, identifier, [{ op: "remove", path: "RouteResponseId" }], readOnly("RouteResponseId"), model);
      await expectRefused(
        t,
        identifier,
        [{ op: "copy", from: "/ModelSelectionExpression", path: "/RouteResponseId" }],
        readOnly("RouteResponseId"),
        model,
      );
    },
  },
  {
    id: "CC-PATCH-MSE-REMOVE",
    level: "MUST",
    title: "remove /ModelSelectionExpression succeeds and changes nothing, as observed on AWS",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      assertSucceeded(await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "remove", path: "/ModelSelectionExpression" }]), "the remove");
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), model);
    },
  },
  {
    id: "CC-PATCH-MSE-CLEAR",
    level: "MUST",
    title: "add or replace of ModelSelectionExpression with \"\" clears it: it is then absent from the model",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      const { ModelSelectionExpression: _cleared, ...withoutExpression } = model;
      assertSucceeded(await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "add", path: "/ModelSelectionExpression", value: "" }]), "add \"\"");
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), withoutExpression);
      assertSucceeded(
        await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "add", path: "/ModelSelectionExpression", value: "$context.again" }]),
        "add it back",
      );
      assertSucceeded(
        await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "replace", path: "/ModelSelectionExpression", value: "" }]),
        "replace with \"\"",
      );
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), withoutExpression);
    },
  },
  {
    id: "CC-PATCH-REMOVE-MODELS",
    level: "MUST",
    title: "remove /ResponseModels removes it",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      const { ResponseModels: _removed, ...withoutModels } = model;
      assertSucceeded(await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "remove", path: "/ResponseModels" }]), "the remove");
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), withoutModels);
    },
  },
  {
    id: "CC-PATCH-ABSENT",
    level: "MUST",
    title: "replace or remove of an absent property, an add under a missing parent, or a missing from is refused with 400 ValidationException; add of the absent property works",
    async run(t) {
      const { identifier, model } = await startingPoint(t, { RouteResponseKey: "$default" });
      for (const ops of [
        [{ op: "replace", path: "/ResponseModels", value: { "application/json": "Ack" } }],
        [{ op: "remove", path: "/ResponseParameters" }],
        [{ op: "add", path: "/ResponseModels/application~1json", value: "Ack" }],
        [{ op: "copy", from: "/ResponseModels", path: "/ResponseParameters" }],
        [{ op: "move", from: "/ModelSelectionExpression", path: "/ResponseModels" }],
      ] satisfies PatchOperation[][]) {
        await expectRefused(t, identifier, ops, cannotApply, model);
      }
      assertSucceeded(
        await updateAndWait(t, ROUTE_RESPONSE, identifier, [{ op: "add", path: "/ResponseModels", value: { "application/json": "Ack" } }]),
        "add of an absent property",
      );
      assert.deepEqual(await getProperties(t, ROUTE_RESPONSE, identifier), { ...model, ResponseModels: { "application/json": "Ack" } });
    },
  },
  {
    id: "CC-PATCH-SCHEMA",
    level: "MUST",
    title: "A patch whose result breaks the schema answers 400 ValidationException 'Model validation failed (...)' and changes nothing",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      await expectRefused(
        t,
        identifier,
        [{ op: "remove", path: "/RouteResponseKey" }],
        { name: "ValidationException", status: 400, message: "Model validation failed (#: required key [RouteResponseKey] not found)" },
        model,
      );
      await expectRefused(t, identifier, [{ op: "add", path: "/Color", value: "red" }], { ...schemaViolation, messageIncludes: ["Color"] }, model);
      await expectRefused(
        t,
        identifier,
        [{ op: "add", path: "/ResponseParameters/method.response.header.Y", value: { Required: "yes" } }],
        schemaViolation,
        model,
      );
      await expectRefused(
        t,
        identifier,
        [{ op: "remove", path: "/ResponseParameters/method.response.header.X-A/Required" }],
        { ...schemaViolation, messageIncludes: ["Required"] },
        model,
      );
      await expectRefused(t, identifier, [{ op: "replace", path: "/ModelSelectionExpression", value: 7 }], schemaViolation, model);
    },
  },
  {
    id: "CC-PATCH-MALFORMED",
    level: "MUST",
    title: "A PatchDocument that is not a JSON array of well-formed operations answers 400 ValidationException 'Invalid patch update: ...'",
    async run(t) {
      const { identifier, model } = await startingPoint(t);
      for (const document of [
        "not json",
        JSON.stringify({ op: "add", path: "/ModelSelectionExpression", value: "x" }),
        JSON.stringify([{ op: "frobnicate", path: "/ModelSelectionExpression" }]),
        JSON.stringify([{ op: "add", value: "x" }]),
        JSON.stringify([{ op: "add", path: "/ModelSelectionExpression" }]),
        JSON.stringify([{ op: "move", path: "/ModelSelectionExpression" }]),
      ]) {
        await expectRefused(t, identifier, document, cannotApply, model);
      }
    },
  },
];
