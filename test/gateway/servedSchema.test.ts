// The schema the gateway serves is the schema as written: introspected over HTTP from the real server
// and compared, printed and sorted, with the SDL files (descriptions, defaults and nullability
// included). Also what the SDL must state for the comparison to mean something: a description on
// every type, field, argument, input field and enum value, and connections that agree.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { GraphQLSchema, IntrospectionQuery } from "graphql";
import {
  buildASTSchema,
  buildClientSchema,
  concatAST,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  parse,
  printSchema,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "../../src/limits/graphCost.js";
import { loadTypeDefs } from "../../src/server.js";
import { startTestEmulator } from "../support/emulator.js";
import { startTestGateway } from "./harness.js";

const emulator = await startTestEmulator({ seed: "demo" });
const gateway = await startTestGateway(emulator);

const written = buildASTSchema(concatAST(loadTypeDefs().map((text) => parse(text))));
const printed = (schema: GraphQLSchema): string => printSchema(lexicographicSortSchema(schema));

/** Every description the SDL owes, as `Type.field(argument)` paths, with the ones missing. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined) => {
    if (description === undefined || description === null || description.trim() === "") missing.push(path);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

describe("the served schema", () => {
  it("is the SDL as written, descriptions, defaults and nullability included", async () => {
    const response = await gateway.query<IntrospectionQuery>(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }),
    );
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const served = buildClientSchema(response.data as IntrospectionQuery);
    assert.equal(printed(served), printed(written));
    // The scalars keep the SDL's words, not a library's defaults (graphql-scalars' DateTime example had no milliseconds).
    assert.match(served.getType("DateTime")?.description ?? "", /2025-03-01T12:00:00\.000Z/);
    assert.equal(served.getType("JSONObject")?.description, "A JSON object (never an array or a primitive).");
  });

  it("describes every type, field, argument, input field and enum value", () => {
    assert.deepEqual(undescribed(written), []);
  });

  it("gives every connection's `first` its default in the SDL, the one the cost estimate assumes", () => {
    const firsts: string[] = [];
    for (const type of Object.values(written.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        const first = field.args.find((arg) => arg.name === "first");
        if (first === undefined) continue;
        firsts.push(`${type.name}.${field.name}`);
        assert.equal(String(first.type), "Int", `${type.name}.${field.name}(first)`);
        assert.equal(first.defaultValue, DEFAULT_PAGE_SIZE, `${type.name}.${field.name}(first)`);
      }
    }
    assert.ok(firsts.length >= 6, firsts.join(", "));
  });

  it("gives every connection the same nullability: nullable edges and nodes in non-null lists", () => {
    const connections = Object.values(written.getTypeMap()).filter((type) => isObjectType(type) && type.name.endsWith("Connection"));
    assert.ok(connections.length >= 5);
    for (const connection of connections) {
      if (!isObjectType(connection)) continue;
      const fields = connection.getFields();
      const node = connection.name.replace(/Connection$/, "");
      assert.equal(String(fields.edges?.type), `[${node}Edge]!`, connection.name);
      assert.equal(String(fields.nodes?.type), `[${node}]!`, connection.name);
      assert.equal(String(fields.pageInfo?.type), "PageInfo!", connection.name);
    }
  });

  it("serialises DateTime as the SDL says: UTC with milliseconds", async () => {
    const written = await gateway.query(`mutation { deleteRouteResponse(input: { apiId: "x1", routeId: "y1", routeResponseId: "z1" }) { request { requestToken } } }`);
    const token = written.data.deleteRouteResponse.request.requestToken as string;
    const response = await gateway.query(`query($token: String!) { resourceRequest(requestToken: $token) { eventTime } }`, { token });
    assert.match(response.data.resourceRequest.eventTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
