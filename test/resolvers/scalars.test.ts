// The custom scalars' coercions (src/resolvers/scalars.ts) on the values the gateway meets: the
// SDK's Dates, date-time strings in other offsets and precisions, patch values written as literals
// or variables, and what each scalar must refuse.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { GraphQLError, parseValue } from "graphql";
import type { GraphQLScalarType } from "graphql";
import { DateTime, JSON as JSONScalar, JSONObject } from "../../src/resolvers/scalars.js";

type Coercing = Required<Pick<GraphQLScalarType, "serialize" | "parseValue" | "parseLiteral">>;
const coerce = (scalar: GraphQLScalarType) => scalar as unknown as Coercing;

describe("DateTime", () => {
  it("serialises every form of an instant as UTC with milliseconds", () => {
    assert.equal(coerce(DateTime).serialize(new Date(Date.UTC(2025, 2, 1, 12))), "2025-03-01T12:00:00.000Z");
    assert.equal(coerce(DateTime).serialize("2025-03-01T14:00:00+02:00"), "2025-03-01T12:00:00.000Z");
    assert.equal(coerce(DateTime).serialize("2025-03-01T12:00:00.123456Z"), "2025-03-01T12:00:00.123Z");
    assert.equal(coerce(DateTime).serialize(Date.UTC(2025, 2, 1, 12)), "2025-03-01T12:00:00.000Z");
  });

  it("refuses what names no instant", () => {
    for (const value of ["yesterday", "2025-03-01", new Date(Number.NaN), null, {}, Number.POSITIVE_INFINITY]) {
      assert.throws(() => coerce(DateTime).serialize(value), GraphQLError, String(value));
    }
    assert.throws(() => coerce(DateTime).parseLiteral(parseValue("true"), undefined), /DateTime takes a string/);
  });
});

describe("JSON", () => {
  it("reads a literal with variables inside it, as written", () => {
    const read = coerce(JSONScalar).parseLiteral(parseValue('{ a: [1, 2.5, "x", null, $v], b: true }'), { v: { deep: 1 } }) as object;
    // Objects read from literals have no prototype: a "__proto__" key is data, never the prototype.
    assert.equal(Object.getPrototypeOf(read), null);
    assert.deepEqual({ ...read }, { a: [1, 2.5, "x", null, { deep: 1 }], b: true });
    assert.deepEqual(coerce(JSONScalar).parseValue([1, "two"]), [1, "two"]);
  });
});

describe("JSONObject", () => {
  it("takes objects and refuses arrays, primitives and null", () => {
    assert.deepEqual(coerce(JSONObject).serialize({ a: 1 }), { a: 1 });
    for (const value of [[1], "x", 3, null]) assert.throws(() => coerce(JSONObject).serialize(value), /JSONObject cannot represent/);
    assert.throws(() => coerce(JSONObject).parseLiteral(parseValue("[1]"), undefined), /object literal/);
  });
});
