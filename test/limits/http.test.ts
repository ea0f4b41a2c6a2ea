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
