// Fair shares through the real gateway, the real SDK and the emulator: one principal floods the pacer
// with reads, another's single read is served after at most a few of the flood's calls, because the
// pacer's queues serve principals' lanes round-robin. Counts of calls the emulator saw, not time.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { LENIENT_KEYS, responseIdAt, routeWithResponses } from "../gateway/harness.js";
import type { HttpAnswer } from "../security/support.js";
import { READ_KEY, WRITE_KEY, apiKey, startSecureGateway } from "../security/support.js";
import { startTestEmulator } from "../support/emulator.js";

const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses("fairapi001", "frt0001", 40) });
// Slow enough that the flood queues (10 calls a second, one at a time after the first), with few
// slots: the flood holds every slot, so the other read queues for a slot and then for a token.
const gateway = await startSecureGateway(emulator, {
  config: { cloudControl: { maxConcurrency: 100, maxAttempts: 1, pacing: { ratePerSecond: 10, burst: 1, maxInFlight: 4 } } },
});

const FLOOD = 30;

/** One query reading route responses `from`..`from + count - 1`, by alias. */
function readMany(from: number, count: number): string {
  const fields = Array.from(
    { length: count },
    (_, i) => `r${from + i}: routeResponse(apiId: "fairapi001", routeId: "frt0001", routeResponseId: "${responseIdAt(from + i)}") { routeResponseKey }`,
  );
  return `{ ${fields.join("\n")} }`;
}

const callsSoFar = (): number => emulator.stats().operations.GetResource.calls;

async function untilCalls(count: number): Promise<void> {
  for (let i = 0; i < 1000 && callsSoFar() < count; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(callsSoFar() >= count, `the flood never made ${count} calls`);
}

function assertAllRead(answer: HttpAnswer, from: number, count: number): void {
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.body.errors, undefined);
  const keys = Object.values(answer.body.data as Record<string, { routeResponseKey: string }>).map((value) => value.routeResponseKey);
  assert.deepEqual(keys, Array.from({ length: count }, (_, i) => `key${from + i}`));
}

/**
 * The writer floods with FLOOD reads; once the flood is queued, `secondKey`'s caller reads one route
 * response. Answers how many calls the emulator saw from that read's start to its answer (its own included).
 */
async function readDuringFlood(secondKey: string): Promise<number> {
  emulator.resetStats();
  const flood = gateway.post({ query: readMany(1, FLOOD) }, apiKey(WRITE_KEY));
  await untilCalls(2);
  const before = callsSoFar();
  const single = await gateway.post({ query: readMany(FLOOD + 1, 1) }, apiKey(secondKey));
  const during = callsSoFar() - before;
  assertAllRead(single, FLOOD + 1, 1);
  assertAllRead(await flood, 1, FLOOD);
  assert.equal(callsSoFar(), FLOOD + 1);
  return during;
}

describe("fair shares of the pacer between principals", () => {
  it("serves another principal's read after at most a few of a flood's calls", async () => {
    const during = await readDuringFlood(READ_KEY);
    // Two lanes, one grant to the other lane per turn in each queue: the read waits for at most two
    // slot releases (one goes to the flood) and one token of the flood's, so 3 of the flood's calls
    // and its own; a call or two more may start while its HTTP request is on its way in.
    assert.ok(during <= 6, `the reader's one read waited for ${during - 1} of the flood's calls`);
  });

  it("keeps one principal's calls in order: its read sent behind its own flood waits for it", async () => {
    const during = await readDuringFlood(WRITE_KEY);
    // Same lane, first come first served: most of the flood (FLOOD minus the two or three already
    // made when the read was sent) goes first.
    assert.ok(during >= FLOOD - 10, `the writer's read jumped its own flood: only ${during} calls while it waited`);
  });
});
