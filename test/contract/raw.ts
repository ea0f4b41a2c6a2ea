// Raw awsJson1_0 over fetch, for what the SDK hides: headers, status lines, the JSON as sent.
// Unsigned, so the emulator serves these in its default region. Loopback only.
import * as assert from "node:assert/strict";

export const JSON_1_0 = "application/x-amz-json-1.0";

export interface RawRequest {
  /** `CloudApiService.<Operation>`; `null` sends no x-amz-target header. */
  target?: string | null;
  /** `null` sends no content-type header. */
  contentType?: string | null;
  /** The body as sent; an object is JSON-encoded. */
  body?: string | Record<string, unknown>;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
}

export async function rawCall(url: string, request: RawRequest): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.target !== null) headers["x-amz-target"] = request.target ?? "CloudApiService.GetResource";
  if (request.contentType !== null) headers["content-type"] = request.contentType ?? JSON_1_0;
  const method = request.method ?? "POST";
  const body = typeof request.body === "object" ? JSON.stringify(request.body) : request.body;
  const response = await fetch(new URL(request.path ?? "/", url), {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: body ?? "{}" }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** An error code as the SDK reads it: `__type` without its namespace (before `#`) or suffix (after `:`). */
export function sanitizeErrorCode(raw: string): string {
  const afterHash = raw.includes("#") ? raw.slice(raw.lastIndexOf("#") + 1) : raw;
  return afterHash.split(":")[0] ?? afterHash;
}

export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${what} is not a JSON object: ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * An error answer as the reference (§5) and docs/emulator.md describe it: the status, an
 * x-amzn-RequestId, an x-amzn-ErrorType, and a JSON body `{"__type", "Message"}`. Answers the body.
 * `messageOptional`: Coral's framework errors are seen on AWS with no Message at all
 * (`{"__type":"com.amazon.coral.service#UnknownOperationException"}`); a Message, if any, is non-empty.
 */
export function assertRawError(
  answer: RawAnswer,
  code: string,
  status: number,
  options: { messageOptional?: boolean } = {},
): { type: string; message: string } {
  const where = `${answer.status} ${answer.text}`;
  assert.equal(answer.status, status, `HTTP status; got ${where}`);
  assert.ok((answer.headers.get("x-amzn-requestid") ?? "").length > 0, `no x-amzn-RequestId on ${where}`);
  const body = asRecord(answer.json, `the error body (${answer.text})`);
  assert.equal(typeof body.__type, "string", `__type; got ${where}`);
  assert.equal(sanitizeErrorCode(String(body.__type)), code, `__type; got ${where}`);
  if (!(options.messageOptional === true && body.Message === undefined)) {
    assert.equal(typeof body.Message, "string", `Message; got ${where}`);
    assert.ok(String(body.Message).length > 0, `empty Message; got ${where}`);
  }
  const errorType = answer.headers.get("x-amzn-errortype");
  assert.ok(errorType !== null, `no x-amzn-ErrorType header on ${where}`);
  assert.equal(sanitizeErrorCode(errorType), code, `x-amzn-ErrorType; got ${errorType}`);
  return { type: String(body.__type), message: String(body.Message) };
}
