// The awsJson1_0 protocol as Cloud Control speaks it (reference §5): POST on any path,
// `x-amz-target: CloudApiService.<Operation>`, JSON in and out, `x-amzn-RequestId` on every answer,
// errors as `{"__type", "Message"}` with the error's HTTP status.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudControlError } from "./errors.js";
import { OPERATIONS } from "./options.js";
import type { Operation } from "./options.js";

export const JSON_1_0 = "application/x-amz-json-1.0";
const TARGET_PREFIX = "CloudApiService.";
/** Far above the 256 KiB documents the model allows, so only abuse hits it. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new CloudControlError("SerializationException", `Request body exceeds ${MAX_BODY_BYTES} bytes.`, 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const unknownOperation = () => new CloudControlError("UnknownOperationException", "");

/**
 * The operation a request names, or UnknownOperationException.
 * UNDOCUMENTED: what AWS answers for a wrong content type; Coral cannot pick a protocol for it,
 * and the emulator answers as for an unknown operation.
 */
export function operationOf(req: IncomingMessage): Operation {
  if (req.method !== "POST") throw unknownOperation();
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== JSON_1_0) throw unknownOperation();
  const target = req.headers["x-amz-target"];
  if (typeof target !== "string" || !target.startsWith(TARGET_PREFIX)) throw unknownOperation();
  const name = target.slice(TARGET_PREFIX.length);
  const operation = OPERATIONS.find((op) => op === name);
  if (!operation) throw unknownOperation();
  return operation;
}

/** The input structure; an empty body is an empty structure, as Coral reads it. */
export function parseInput(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw new CloudControlError("SerializationException", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CloudControlError("SerializationException", "The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, requestId: string, body: unknown, errorType?: string): void {
  const payload = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    "content-type": JSON_1_0,
    "content-length": Buffer.byteLength(payload),
    "x-amzn-RequestId": requestId,
  };
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  res.writeHead(status, headers).end(payload);
}

export function sendError(res: ServerResponse, requestId: string, error: CloudControlError): void {
  const body: Record<string, string> = { __type: error.wireType };
  if (error.message) body.Message = error.message;
  sendJson(res, error.status, requestId, body, error.code);
}
