// The nesting bound of variables: counted without recursion, so a value nested 100 000 levels deep
// (200 KB of JSON) is refused instead of overflowing a later recursive walk.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { MAX_VARIABLE_DEPTH, checkVariableDepth, nestingDepth } from "../../src/limits/index.js";

function nested(levels: number): unknown[] {
  const outer: unknown[] = [];
  let current = outer;
  for (let level = 1; level < levels; level += 1) {
    const inner: unknown[] = [];
    current.push(inner);
    current = inner;
  }
  return outer;
}

describe("nestingDepth", () => {
  it("counts containers, not scalars", () => {
    assert.equal(nestingDepth("x", 100), 0);
    assert.equal(nestingDepth({ a: 1 }, 100), 1);
    assert.equal(nestingDepth({ a: [1, { b: [2] }] }, 100), 4);
    assert.equal(nestingDepth(nested(10), 100), 10);
  });

  it("stops past its bound on a value nested 100 000 levels deep", () => {
    assert.equal(nestingDepth(nested(100_000), 40), 41);
  });
});

describe("checkVariableDepth", () => {
  it("lets through what the API takes, however wide", () => {
    assert.equal(checkVariableDepth({ input: { set: { responseModels: { "application/json": "Ack" } } }, ids: Array(50_000).fill("id") }), undefined);
    assert.equal(checkVariableDepth({ value: nested(MAX_VARIABLE_DEPTH) }), undefined);
    assert.equal(checkVariableDepth(undefined), undefined);
  });

  it("refuses one level more, naming the measure and the limit", () => {
    assert.deepEqual(checkVariableDepth({ value: nested(MAX_VARIABLE_DEPTH + 1) })?.extensions, { code: "BAD_USER_INPUT", variableDepth: MAX_VARIABLE_DEPTH + 1, limit: MAX_VARIABLE_DEPTH });
    assert.equal(checkVariableDepth({ value: nested(100_000) })?.extensions.code, "BAD_USER_INPUT");
  });
});
