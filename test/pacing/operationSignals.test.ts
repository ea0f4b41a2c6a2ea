// The operations' signals (src/shutdown.ts): one timer per timeout value instead of one per
// operation. Each signal still aborts at its own deadline with a TimeoutError, in start order; an
// operation that ended no longer aborts; the shutdown aborts every operation still running.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { laneOf } from "../../src/pacing/index.js";
import { createOperationSignals, createShutdown } from "../../src/shutdown.js";

/**
 * The signal's reason once it aborts, or a failure after 5 s. The deadlines' timer is unref'd (it
 * must not hold a process up), so this keeps the test's event loop alive meanwhile.
 */
function aborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the signal did not abort within 5 s")), 5000);
    const done = () => {
      clearTimeout(timer);
      resolve(signal.reason);
    };
    if (signal.aborted) done();
    else signal.addEventListener("abort", done, { once: true });
  });
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("operation signals", () => {
  it("abort at their deadline with a TimeoutError, oldest first, each at its own", async () => {
    const operationSignal = createOperationSignals(createShutdown().signal);
    const first = operationSignal(40, "api-key:a");
    await pause(30);
    const second = operationSignal(40);
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(laneOf(first.signal), "api-key:a");
    const reason = (await aborted(first.signal)) as Error;
    assert.equal(reason.name, "TimeoutError");
    // The second started 30 ms later: its deadline has not passed when the first's does.
    assert.equal(second.signal.aborted, false);
    assert.equal(((await aborted(second.signal)) as Error).name, "TimeoutError");
  });

  it("never abort once their operation ended, at the deadline or at shutdown", async () => {
    const shutdown = createShutdown();
    const operationSignal = createOperationSignals(shutdown.signal);
    const ended = operationSignal(20);
    const running = operationSignal(20);
    assert.ok(ended !== undefined && running !== undefined);
    ended.end();
    await aborted(running.signal);
    await pause(30);
    shutdown.abort();
    assert.equal(ended.signal.aborted, false);
  });

  it("all abort with the shutdown's reason, with or without a timeout", async () => {
    const shutdown = createShutdown();
    const operationSignal = createOperationSignals(shutdown.signal);
    const timed = operationSignal(60_000);
    const untimed = operationSignal(undefined);
    assert.ok(timed !== undefined && untimed !== undefined);
    shutdown.abort();
    assert.match(String(((await aborted(timed.signal)) as Error).message), /shutting down/);
    assert.match(String(((await aborted(untimed.signal)) as Error).message), /shutting down/);
    // Made after the shutdown: aborted from the start.
    assert.equal(operationSignal(60_000)?.signal.aborted, true);
  });

  it("are none without a timeout or a shutdown", () => {
    assert.equal(createOperationSignals(undefined)(undefined), undefined);
  });
});
