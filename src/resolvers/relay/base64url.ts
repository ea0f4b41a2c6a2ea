// Opaque ids and cursors are base64url (RFC 4648 §5) of JSON. Node's decoder skips characters that
// are not base64url, so a decoded value only counts when it encodes back to exactly the input.

export function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** The JSON value `text` encodes, or undefined when it is not canonical base64url of JSON. */
export function decodeJson(text: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  if (bytes.toString("base64url") !== text) return undefined;
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}
