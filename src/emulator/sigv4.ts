// AWS Signature Version 4, header form, checked the way the service does it: rebuild the canonical
// request from what arrived on the wire, sign it with the secret we hold, compare. The canonical
// path and query follow @smithy/signature-v4 (the JS SDK's signer), since that is what signs the
// requests this emulator sees: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface CredentialScope {
  accessKeyId: string;
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

export interface ParsedAuthorization {
  algorithm: "AWS4-HMAC-SHA256";
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
}

export type SigV4Verdict =
  | { ok: true; region: string; accessKeyId: string }
  | { ok: false; reason: "missing" | "unknown-key" | "bad-signature" | "expired"; message: string };

export interface SigV4Request {
  method: string;
  /** The raw path including the query string, as in node's `req.url`. */
  path: string;
  /** Node's lower-cased IncomingHttpHeaders. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
/** AWS accepts a request signed up to 15 minutes either side of its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

const MISSING: SigV4Verdict = { ok: false, reason: "missing", message: "Missing Authentication Token" };
const UNKNOWN_KEY: SigV4Verdict = {
  ok: false,
  reason: "unknown-key",
  message: "The security token included in the request is invalid.",
};
const BAD_SIGNATURE: SigV4Verdict = {
  ok: false,
  reason: "bad-signature",
  message:
    "The request signature we calculated does not match the signature you provided. " +
    "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
};

/** Parses `AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/cloudcontrolapi/aws4_request, SignedHeaders=a;b, Signature=hex`. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const match = /^AWS4-HMAC-SHA256\s+(.+)$/s.exec(header?.trim() ?? "");
  if (!match?.[1]) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1].split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const [accessKeyId, date, region, service, terminator, ...rest] = (fields.get("Credential") ?? "").split("/");
  const signedHeaders = fields.get("SignedHeaders")?.split(";") ?? [];
  const signature = fields.get("Signature") ?? "";
  if (!accessKeyId || !date || !/^\d{8}$/.test(date) || !region || !service) return undefined;
  if (terminator !== "aws4_request" || rest.length > 0 || signedHeaders.includes("") || signature === "") return undefined;
  return { algorithm: ALGORITHM, scope: { accessKeyId, date, region, service }, signedHeaders, signature };
}

/** Verifies the request against `secrets` (access key id -> secret access key) at time `now` (ms since the epoch). */
export function verifySigV4(req: SigV4Request, secrets: ReadonlyMap<string, string>, now: number): SigV4Verdict {
  const auth = parseAuthorization(headerValue(req.headers, "authorization"));
  if (!auth) return MISSING;
  const secret = secrets.get(auth.scope.accessKeyId);
  if (secret === undefined) return UNKNOWN_KEY;
  const amzDate = headerValue(req.headers, "x-amz-date");
  if (amzDate === undefined) return MISSING;
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined) return BAD_SIGNATURE;
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) return expired(amzDate, signedAt, now);

  // The payload hash is always the body's own, never the x-amz-content-sha256 header: an honest client
  // signs the same value either way, and a body changed under the original header must not verify.
  // (This also refuses UNSIGNED-PAYLOAD, which only S3 accepts.)
  const bodyHash = sha256Hex(req.body);

  const headerLines: string[] = [];
  for (const name of auth.signedHeaders) {
    const value = headerValue(req.headers, name.toLowerCase());
    if (value === undefined) return BAD_SIGNATURE;
    headerLines.push(`${name.toLowerCase()}:${value.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "")}`);
  }
  const queryAt = req.path.indexOf("?");
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalPath(queryAt < 0 ? req.path : req.path.slice(0, queryAt)),
    canonicalQuery(queryAt < 0 ? "" : req.path.slice(queryAt + 1)),
    ...headerLines,
    "",
    auth.signedHeaders.map((name) => name.toLowerCase()).join(";"),
    bodyHash,
  ].join("\n");
  const { date, region, service } = auth.scope;
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let key: Buffer = Buffer.from(`AWS4${secret}`, "utf8");
  for (const part of [date, region, service, "aws4_request"]) key = createHmac("sha256", key).update(part, "utf8").digest();
  const expected = Buffer.from(createHmac("sha256", key).update(stringToSign, "utf8").digest("hex"), "utf8");
  const provided = Buffer.from(auth.signature, "utf8");
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) return BAD_SIGNATURE;
  return { ok: true, region, accessKeyId: auth.scope.accessKeyId };
}

function headerValue(headers: SigV4Request["headers"], name: string): string | undefined {
  const value = headers[name];
  // Repeated headers are signed as one value joined by commas (AWS's canonical header rules).
  return Array.isArray(value) ? value.join(",") : value;
}

/** The path as the SDK signs it: "." and ".." resolved, empty segments dropped, then each segment URI-escaped. */
function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  if (segments.length === 0) return "/";
  // The wire carries each segment escaped once and the SDK escapes that again, so "%20" signs as "%2520":
  // AWS's double encoding for every service but S3.
  const tail = rawPath.endsWith("/") ? "/" : "";
  return `/${segments.map(escapeUri).join("/")}${tail}`;
}

/** Decoded keys and values, re-escaped the RFC 3986 way, sorted by key and then by value. */
function canonicalQuery(rawQuery: string): string {
  const pairs: [string, string][] = [];
  for (const piece of rawQuery.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const key = escapeUri(decode(eq < 0 ? piece : piece.slice(0, eq)));
    // A bare `?flag` is signed as `flag=` (AWS's rule; curl and botocore do the same).
    const value = eq < 0 ? "" : escapeUri(decode(piece.slice(eq + 1)));
    pairs.push([key, value]);
  }
  pairs.sort(([ka, va], [kb, vb]) => compare(ka, kb) || compare(va, vb));
  return pairs.map(([key, value]) => `${key}=${value}`).join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** RFC 3986 unreserved characters stay; everything else is %XX, including the !'()* that encodeURIComponent keeps. */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return formatAmzDate(ms) === text ? ms : undefined;
}

function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** AWS's two wordings: a request from the past has expired; one from the future is not yet current. */
function expired(amzDate: string, signedAt: number, now: number): SigV4Verdict {
  const nowText = formatAmzDate(now);
  const message =
    signedAt < now
      ? `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${nowText} - 15 min.)`
      : `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${nowText} + 15 min.)`;
  return { ok: false, reason: "expired", message };
}
