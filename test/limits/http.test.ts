// The audit's fragment fan-out through the real HTTP server: it used to overflow the stack in the
// cost estimate (an HTTP 500) after seconds of exponential work; now a limit refuses it with a 400
// before any Cloud Control call. Which limit depends on the order of the checks in the request
// pipeline (the size bound before validation, the cost estimate after it), so the test accepts
// either, and asserts the figure each one reports.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { startTestEmulator } from "../support/emulator.js";
import { READ_KEY, apiKey, startSecureGateway } from "../security/support.js";

const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 0 });
const gateway = await startSecureGateway(emulator);

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const fanOut = (levels: number): string =>
  `{ resourceRequest(requestToken: "t") { ...F0 } }` +
  range(levels + 1)
    .map((i) => ` fragment F${i} on ResourceRequest { ${i === levels ? "routeResponse { id }" : `...F${i + 1} ...F${i + 1}`} }`)
    .join("");

describe("a fragment fan-out over HTTP", () => {
  for (const levels of [17, 24, 40]) {
    it(`of ${levels} levels is refused with 400 BAD_USER_INPUT and no Cloud Control call`, async () => {
      emulator.resetStats();
      const answer = await gateway.post({ query: fanOut(levels) }, apiKey(READ_KEY));
      assert.equal(answer.status, 400, answer.text);
      const [error, ...rest] = answer.body.errors;
      assert.equal(rest.length, 0);
      assert.equal(error.extensions.code, "BAD_USER_INPUT");
      if (error.extensions.cost !== undefined) assert.deepEqual(error.extensions, { code: "BAD_USER_INPUT", cost: 1 + 2 ** levels, limit: 250 });
      else assert.deepEqual(error.extensions, { code: "BAD_USER_INPUT", selections: 3 * 2 ** (levels + 2) - 2 * levels - 5, limit: 1000 });
      assert.equal(emulator.stats().total, 0, "no Cloud Control call");
    });
  }
});

// The pipeline keeps what it finds in a parsed document (its size, its longest literal, the cost of
// an operation without variables) with the document, which Apollo hands again to every request
// with the same source: a repeat must be refused alike, and a cost that depends on variables must
// follow each request's variables.
describe("a document sent again", () => {
  const list = (first: string) => ["a", "b", "c"].map((alias) => `${alias}: routeResponses(apiId: "a", routeId: "r", first: ${first}) { nodes { routeResponseKey } }`).join(" ");
  const listing = `query($n: Int) { ${list("$n")} }`;
  const costOf = (answer: { body: { errors?: Array<{ extensions: { cost?: number } }> } }): number | undefined => answer.body.errors?.[0]?.extensions.cost;

  it("is refused again for its size, its cost or a long literal", async () => {
    for (const query of [fanOut(17), `{ ${list("100")} }`, `{ routeResponse(apiId: "${"a".repeat(5000)}", routeId: "r", routeResponseId: "x") { id } }`]) {
      const first = await gateway.post({ query }, apiKey(READ_KEY));
      const second = await gateway.post({ query }, apiKey(READ_KEY));
      assert.equal(first.status, 400, first.text);
      assert.equal(second.status, 400, second.text);
      assert.deepEqual(second.body.errors[0].extensions, first.body.errors[0].extensions);
    }
  });

  it("with other variables is costed with those", async () => {
    const small = await gateway.post({ query: listing, variables: { n: 5 } }, apiKey(READ_KEY));
    const large = await gateway.post({ query: listing, variables: { n: 100 } }, apiKey(READ_KEY));
    const smallAgain = await gateway.post({ query: listing, variables: { n: 5 } }, apiKey(READ_KEY));
    assert.equal(costOf(small), undefined, small.text);
    assert.equal(large.body.errors[0].extensions.code, "BAD_USER_INPUT", large.text);
    assert.ok(costOf(large)! > 250, large.text);
    assert.equal(costOf(smallAgain), undefined, smallAgain.text);
  });
});
