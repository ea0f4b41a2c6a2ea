// The logger's records carry the ISO 8601 time pino's isoTime would write, from a timestamp function
// that builds the text up to the second once per second: the same text at every millisecond, across
// seconds, minutes and years, and in a real record.
import { strict as assert } from "node:assert";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { createLogger, isoTimestamp } from "../../src/observability/logger.js";

describe("isoTimestamp", () => {
  it("writes what toISOString writes, whatever the millisecond", () => {
    let now = 0;
    const timestamp = isoTimestamp(() => now);
    const moments = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 59_999, 60_000, Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.UTC(2027, 0, 1), 1_764_561_600_007];
    // Each second's prefix is reused within it, then replaced: go forwards, backwards and repeat.
    for (const ms of [...moments, ...[...moments].reverse(), ...moments]) {
      now = ms;
      assert.equal(timestamp(), `,"time":"${new Date(ms).toISOString()}"`);
    }
  });

  it("stamps the logger's records", () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const before = Date.now();
    createLogger({ destination }).info({ requestId: "r1" }, "stamped");
    const record = JSON.parse(lines.join("")) as { time: string; requestId: string; msg: string };
    assert.equal(record.requestId, "r1");
    assert.equal(record.msg, "stamped");
    assert.match(record.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(Date.parse(record.time) >= before && Date.parse(record.time) <= Date.now());
  });
});
