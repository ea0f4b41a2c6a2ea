import { describe, it } from "node:test";
import { strict as assert } from "node:assert";
import { buildSchema, parse, validate } from "graphql";
import { maxAliasesRule, maxDepthRule } from "../../src/limits/index.js";

const schema = buildSchema(`
  type Query { a: A, list: [A] }
  type A { b: A, name: String }
`);

const errorsOf = (source: string, rule: ReturnType<typeof maxDepthRule>) => validate(schema, parse(source), [rule]);

describe("maxDepthRule", () => {
  it("lets an operation at the limit through and refuses one level more", () => {
    assert.deepEqual(errorsOf("{ a { b { name } } }", maxDepthRule(3)), []);
    const [error, ...rest] = errorsOf("{ a { b { b { name } } } }", maxDepthRule(3));
    assert.equal(rest.length, 0);
    assert.equal(error?.message, "The operation is nested 4 levels deep; the limit is 3.");
    assert.equal(error?.extensions.code, "BAD_USER_INPUT");
  });

  it("counts through fragments and inline fragments, and survives fragment cycles", () => {
    const viaFragments = "query { a { ...F } } fragment F on A { b { ... on A { b { name } } } }";
    assert.equal(errorsOf(viaFragments, maxDepthRule(3)).length, 1);
    assert.equal(errorsOf(viaFragments, maxDepthRule(4)).length, 0);
    const cyclic = "query { a { ...F } } fragment F on A { b { ...G } } fragment G on A { b { ...F } }";
    assert.doesNotThrow(() => errorsOf(cyclic, maxDepthRule(10)));
  });
});

describe("maxAliasesRule", () => {
  it("counts aliases across the document", () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `x${i}: a { name }`).join(" ")} }`;
    assert.deepEqual(errorsOf(aliased(5), maxAliasesRule(5)), []);
    const [error] = errorsOf(aliased(6), maxAliasesRule(5));
    assert.equal(error?.message, "The document uses 6 aliases; the limit is 5.");
    assert.equal(errorsOf("{ a { n1: name n2: name } list { n3: name } }", maxAliasesRule(2)).length, 1);
  });
});
