// The IDE's example operations against the gateway's schema: each must be a valid document whose
// variables coerce, so a user's first click never answers with a validation error.
import { strict as assert } from "node:assert";
import { readFileSync, readdirSync } from "node:fs";
import { describe, it } from "node:test";
import type { OperationDefinitionNode } from "graphql";
import { Kind, buildSchema, getVariableValues, parse, validate } from "graphql";
import type { RouteResponseExampleIds } from "../../src/ide/index.js";
import { AUTHORIZATION_PLACEHOLDER_HEADERS, routeResponseExamples } from "../../src/ide/index.js";

/** schema/ at the repository root, from dist/test/ide/. */
const schemaDir = new URL("../../../schema/", import.meta.url);
const sdl = readdirSync(schemaDir)
  .filter((name) => name.endsWith(".graphql"))
  .sort()
  .map((name) => readFileSync(new URL(name, schemaDir), "utf8"))
  .join("\n");
const schema = buildSchema(sdl);

/** The demo's ids (README, "The demo data"), as the gateway passes them in demo mode. */
const DEMO_IDS: RouteResponseExampleIds = { region: "us-east-1", apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", createRouteId: "dcnt001" };

const OPERATION_NAMES = [
  "GetRouteResponse",
  "ListRouteResponses",
  "CreateRouteResponse",
  "UpdateRouteResponseWithSet",
  "UpdateRouteResponseWithPatch",
  "DeleteRouteResponse",
  "FollowResourceRequest",
  "FollowResourceRequestLive",
  "ListResourceRequests",
  "NodeLookup",
];

function operationOf(query: string): OperationDefinitionNode {
  const definitions = parse(query).definitions;
  assert.equal(definitions.length, 1, "one operation per tab, so the run button needs no choice");
  const [operation] = definitions;
  assert.equal(operation?.kind, Kind.OPERATION_DEFINITION);
  return operation;
}

for (const [label, ids] of [
  ["with the demo's ids", DEMO_IDS],
  ["without ids", undefined],
] as const) {
  describe(`routeResponseExamples ${label}`, () => {
    const examples = routeResponseExamples(ids);

    it("covers every use of the API, one named operation per tab", () => {
      assert.deepEqual(
        examples.map((example) => operationOf(example.query).name?.value),
        OPERATION_NAMES,
      );
      assert.equal(new Set(examples.map((example) => example.name)).size, examples.length);
    });

    for (const example of examples) {
      it(`"${example.name}" is valid against schema/ and its variables coerce`, () => {
        const document = parse(example.query);
        assert.deepEqual(
          validate(schema, document).map((error) => error.message),
          [],
        );
        const inputs = JSON.parse(example.variables ?? "{}") as Record<string, unknown>;
        const coerced = getVariableValues(schema, operationOf(example.query).variableDefinitions ?? [], inputs);
        assert.deepEqual(
          coerced.errors?.map((error) => error.message),
          undefined,
        );
        assert.equal(example.headers, AUTHORIZATION_PLACEHOLDER_HEADERS);
      });
    }
  });
}

describe("routeResponseExamples' variables", () => {
  it("name the demo's resources in demo mode, and never a seeded one for the delete", () => {
    const byName = new Map(routeResponseExamples(DEMO_IDS).map((example) => [example.name, JSON.parse(example.variables ?? "{}") as Record<string, unknown>]));
    assert.deepEqual(byName.get("Get one route response"), { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", region: "us-east-1" });
    assert.deepEqual(byName.get("Create a route response"), {
      input: { apiId: "chat7a1b2c", routeId: "dcnt001", routeResponseKey: "$default", region: "us-east-1", wait: true },
    });
    assert.deepEqual(byName.get("Delete a route response"), {
      input: { apiId: "chat7a1b2c", routeId: "dcnt001", routeResponseId: "ROUTE_RESPONSE_ID_FROM_CREATE", region: "us-east-1", wait: true },
    });
    assert.deepEqual(byName.get("Look up an object by id"), { id: "ID_FROM_ANOTHER_RESULT" });
    assert.deepEqual(routeResponseExamples({ ...DEMO_IDS, nodeId: "abc" }).at(-1)?.variables, JSON.stringify({ id: "abc" }, null, 2));
  });

  it("hold placeholders without ids, and leave the region to the gateway", () => {
    const variables = routeResponseExamples().map((example) => example.variables ?? "");
    assert.deepEqual(JSON.parse(variables[0] ?? ""), { apiId: "YOUR_API_ID", routeId: "YOUR_ROUTE_ID", routeResponseId: "YOUR_ROUTE_RESPONSE_ID" });
    for (const text of variables) assert.doesNotMatch(text, /region|chat7a1b2c/);
  });
});
