// checkSelections, the bound that runs before graphql-js's validation: what it counts, what it
// refuses (the duplicate-field floods and fragment fan-outs that make validation slow), and that the
// documents people send pass with room to spare.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import { routeResponseExamples } from "../../src/ide/index.js";
import type { SelectionLimits } from "../../src/limits/index.js";
import { DEFAULT_LIMITS, checkSelections } from "../../src/limits/index.js";
import { loadTypeDefs } from "../../src/server.js";

// The repeated-selections cases below are written for a limit of 4, whatever the default.
const LIMITS: SelectionLimits = { ...DEFAULT_LIMITS, maxRepeatedSelections: 4 };
const UNLIMITED: SelectionLimits = { maxSelections: Number.MAX_SAFE_INTEGER, maxFragments: Number.MAX_SAFE_INTEGER, maxRepeatedSelections: Number.MAX_SAFE_INTEGER };
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const check = (source: string, limits: Partial<SelectionLimits> = {}) => checkSelections(parse(source, { maxTokens: 10_000_000 }), { ...LIMITS, ...limits });
/** The document's selections, as the refusal at a limit of 0 reports them. */
const selections = (source: string) => check(source, { ...UNLIMITED, maxSelections: 0 })?.extensions.selections;
const inRequest = (body: string) => `{ resourceRequest(requestToken: "t") { ${body} } }`;
const fragments = (count: number, body: (index: number) => string) => range(count).map((i) => ` fragment F${i} on ResourceRequest { ${body(i)} }`).join("");

describe("checkSelections counts", () => {
  it("fields, spreads, inline fragments and argument values, a fragment wherever it is spread", () => {
    assert.equal(selections(`{ nodes(ids: ["1", "2", "3"]) { id } }`), 1 + 4 + 1);
    assert.equal(selections(`{ routeResponses(apiId: "a", routeId: "r") { nodes { ... on RouteResponse { id } } } }`), 1 + 2 + 1 + 1 + 1);
    // Each operation field: the field, its argument, the spread, the fragment's two fields; then the fragment itself.
    const twice = `{ a: resourceRequest(requestToken: "t") { ...F } b: resourceRequest(requestToken: "t") { ...F } } fragment F on ResourceRequest { status done }`;
    assert.equal(selections(twice), 5 + 5 + 2);
    // A second fragment of one name is refused by graphql-js, but validated too: counted on its own.
    assert.equal(selections(`{ ...F } fragment F on Query { a: __typename } fragment F on Query { b: __typename c: __typename }`), 1 + 2 + 1 + 2);
  });

  it("a list argument of 300 000 items without overflowing the stack", () => {
    assert.equal(selections(`{ a(x: [${"1 ".repeat(300_000)}]) }`), 1 + 1 + 300_000);
  });

  it("a fan-out of 40 levels exactly (3 * 2^42 - 85), without walking it", () => {
    const fanOut = inRequest("...F0") + fragments(41, (i) => (i === 40 ? "routeResponse { id }" : `...F${i + 1} ...F${i + 1}`));
    const refusal = check(fanOut);
    assert.equal(refusal?.extensions.selections, 3 * 2 ** 42 - 85);
    assert.deepEqual(refusal?.extensions, { code: "BAD_USER_INPUT", selections: 3 * 2 ** 42 - 85, limit: LIMITS.maxSelections });
  });

  it("a chain of 20 000 fragments without overflowing the stack", () => {
    const length = 20_000;
    const chain = inRequest("...F0") + fragments(length + 1, (i) => (i === length ? "status" : `...F${i + 1}`));
    // The operation: field, argument, and the chain's spreads and leaf; then every fragment's own chain.
    assert.equal(selections(chain), 2 + (length + 2) + ((length + 1) * (length + 2)) / 2);
  });

  it("and stops at fragment cycles and unknown fragments (graphql-js reports both)", () => {
    const source = inRequest("...F ...Missing") + " fragment F on ResourceRequest { status ...G } fragment G on ResourceRequest { done ...F }";
    assert.equal(check(source), undefined);
    const messages = validate(buildSchema(loadTypeDefs().join("\n")), parse(source), specifiedRules).map((error) => error.message);
    assert.ok(messages.includes('Unknown fragment "Missing".'));
    assert.ok(messages.some((message) => message.startsWith('Cannot spread fragment "F" within itself')));
  });
});

describe("checkSelections refuses", () => {
  it("the duplicate-field flood of the audit by its size", () => {
    for (const copies of [4000, 4900]) {
      const refusal = check(`{ a: __typename ${"__typename ".repeat(copies)}}`);
      assert.deepEqual(refusal?.extensions, { code: "BAD_USER_INPUT", selections: copies + 1, limit: 1000 });
      assert.equal(
        refusal?.message,
        `The document has ${copies + 1} selections (fields, fragment spreads, inline fragments and argument values, fragments counted wherever they are spread); the limit is 1000.`,
      );
    }
  });

  it("a field repeated at one place, naming the place", () => {
    assert.equal(check(inRequest("status ".repeat(4))), undefined);
    const refusal = check(`query Q ${inRequest("status ".repeat(5))}`);
    assert.deepEqual(refusal?.extensions, { code: "BAD_USER_INPUT", repeatedSelections: 5, limit: 4 });
    assert.equal(refusal?.message, 'The document selects "status" 5 times at resourceRequest.status in query Q, fragments spread in; the limit is 4 at one place of the response.');
    assert.equal(check(`{ ${"__typename ".repeat(5)}}`)?.message, 'The document selects "__typename" 5 times at the root of the query, fragments spread in; the limit is 4 at one place of the response.');
  });

  it("a field repeated through fragments and under repeated parents", () => {
    // The field itself and three fragments selecting it: 4, the limit; one more is refused.
    assert.equal(check(inRequest("status ...F0 ...F1 ...F2") + fragments(3, () => "status")), undefined);
    assert.equal(check(inRequest("status status ...F0 ...F1 ...F2") + fragments(3, () => "status"))?.extensions.repeatedSelections, 5);
    // Two routeResponse fields, each with two ids, and a fragment with one of each: ids at one place 5.
    const nested = inRequest("routeResponse { id id } routeResponse { id id } ...F0") + fragments(1, () => "routeResponse { id }");
    assert.equal(check(nested)?.message, 'The document selects "id" 5 times at resourceRequest.routeResponse.id in the query, fragments spread in; the limit is 4 at one place of the response.');
  });

  it("no field whose aliases give it places of its own", () => {
    assert.equal(check(`{ ${range(20).map((i) => `a${i}: __typename`).join(" ")} }`), undefined);
  });

  it("more fragment definitions than the limit", () => {
    const source = (count: number) => inRequest(range(count).map((i) => `...F${i}`).join(" ")) + fragments(count, (i) => `k${i}: status`);
    assert.equal(check(source(64)), undefined);
    assert.deepEqual(check(source(65))?.extensions, { code: "BAD_USER_INPUT", fragments: 65, limit: 64 });
  });
});

describe("checkSelections lets through", () => {
  const introspection = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true, oneOf: true });
  const documents: [string, string][] = [
    ["GraphiQL's introspection query", getIntrospectionQuery({ inputValueDeprecation: false, schemaDescription: false })],
    ["the introspection query with every option", introspection],
    ...routeResponseExamples().map((example): [string, string] => [example.name, example.query]),
  ];
  for (const [name, source] of documents) {
    it(`${name}, at most half of MAX_SELECTIONS`, () => {
      assert.equal(check(source), undefined);
      assert.ok(Number(selections(source)) <= LIMITS.maxSelections / 2, `${selections(source)} selections`);
    });
  }
});
