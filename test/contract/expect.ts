// Assertions on what the SDK makes of an answer. The SDK turns every error body into an exception
// whose `name` is the code (modelled codes become typed classes, others the service's base class),
// with the HTTP status in `$metadata` (reference §5).
import * as assert from "node:assert/strict";
import type { ProgressEvent } from "@aws-sdk/client-cloudcontrol";
import type { EmulatorStats, Operation } from "../../src/emulator/options.js";

export interface ServiceErrorShape {
  name: string;
  message: string;
  $fault?: string;
  $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

export interface ExpectedServiceError {
  name: string;
  status: number;
  /** The whole message, where the spec gives the exact text. */
  message?: string;
  messageStartsWith?: string;
  /** Parts the message must name (ids, member names). */
  messageIncludes?: readonly string[];
}

function isServiceError(value: unknown): value is ServiceErrorShape {
  return (
    value instanceof Error &&
    "$metadata" in value &&
    typeof value.$metadata === "object" &&
    value.$metadata !== null
  );
}

/** Awaits `action`, which must fail with the given service error; answers the error. */
export async function expectServiceError(action: Promise<unknown>, expected: ExpectedServiceError): Promise<ServiceErrorShape> {
  let caught: unknown;
  let succeeded = false;
  try {
    await action;
    succeeded = true;
  } catch (error) {
    caught = error;
  }
  assert.ok(!succeeded, `expected ${expected.name} (${expected.status}), but the call succeeded`);
  assert.ok(isServiceError(caught), `expected a service error ${expected.name}, got: ${String(caught)}`);
  const where = `${caught.name} (${String(caught.$metadata.httpStatusCode)}): ${caught.message}`;
  assert.equal(caught.name, expected.name, `error code; got ${where}`);
  assert.equal(caught.$metadata.httpStatusCode, expected.status, `HTTP status; got ${where}`);
  assert.ok(caught.message.trim().length > 0, `the error message is empty; got ${where}`);
  if (expected.message !== undefined) assert.equal(caught.message, expected.message);
  if (expected.messageStartsWith !== undefined) {
    assert.ok(caught.message.startsWith(expected.messageStartsWith), `message should start with ${JSON.stringify(expected.messageStartsWith)}; got ${JSON.stringify(caught.message)}`);
  }
  for (const part of expected.messageIncludes ?? []) {
    assert.ok(caught.message.includes(part), `message should name ${JSON.stringify(part)}; got ${JSON.stringify(caught.message)}`);
  }
  return caught;
}

/** A write's final event must be FAILED with this HandlerErrorCode and a non-empty StatusMessage. */
export function assertFailed(event: ProgressEvent, errorCode: string, messageIncludes: readonly string[] = []): void {
  const where = `${String(event.OperationStatus)} ${String(event.ErrorCode)}: ${String(event.StatusMessage)}`;
  assert.equal(event.OperationStatus, "FAILED", `expected FAILED ${errorCode}; got ${where}`);
  assert.equal(event.ErrorCode, errorCode, `HandlerErrorCode; got ${where}`);
  assert.ok((event.StatusMessage ?? "").trim().length > 0, `FAILED without a StatusMessage: ${where}`);
  for (const part of messageIncludes) {
    assert.ok((event.StatusMessage ?? "").includes(part), `StatusMessage should name ${JSON.stringify(part)}; got ${where}`);
  }
}

export function assertSucceeded(event: ProgressEvent, what: string): void {
  assert.equal(
    event.OperationStatus,
    "SUCCESS",
    `${what}: expected SUCCESS; got ${String(event.OperationStatus)} ${String(event.ErrorCode)}: ${String(event.StatusMessage)}`,
  );
}

/** The first event of an accepted write: the operation, a token, and not finished in the answer itself. */
export function assertAccepted(event: ProgressEvent, operation: "CREATE" | "UPDATE" | "DELETE"): void {
  assert.equal(event.Operation, operation);
  assert.ok(
    event.OperationStatus === "PENDING" || event.OperationStatus === "IN_PROGRESS",
    `a write's first event is PENDING or IN_PROGRESS; got ${String(event.OperationStatus)}`,
  );
  assert.match(event.RequestToken ?? "", /^[-A-Za-z0-9+/=]{1,128}$/);
  assertRecentTime(event.EventTime, "EventTime");
}

/**
 * A timestamp the SDK parsed (so the wire had a number) that lies within 30 days of now: seconds
 * read as such, not milliseconds (which would land millennia away). The bound is loose because
 * emulator audits move the emulator's clock forward by days.
 */
export function assertRecentTime(time: Date | undefined, what: string): void {
  assert.ok(time instanceof Date && !Number.isNaN(time.getTime()), `${what} is not a timestamp: ${String(time)}`);
  const skewMs = Math.abs(time.getTime() - Date.now());
  assert.ok(skewMs < 30 * 24 * 3600 * 1000, `${what} ${time.toISOString()} is not within 30 days of now`);
}

/** Per-operation counters since a snapshot, so audits can assert how many calls a step made. */
export function statsDelta(before: EmulatorStats, after: EmulatorStats, operation: Operation) {
  return {
    calls: after.operations[operation].calls - before.operations[operation].calls,
    errors: after.operations[operation].errors - before.operations[operation].errors,
    throttled: after.operations[operation].throttled - before.operations[operation].throttled,
  };
}
