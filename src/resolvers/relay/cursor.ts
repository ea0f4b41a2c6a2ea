// Connection cursors: where to resume a listing. Cloud Control pages with a NextToken and chooses its
// own page size (ListResources ignores MaxResults), so a cursor holds the token of a page plus an
// offset in it; `first` then works independently of AWS's page size. A cursor also carries a digest
// of the listing it came from, so it cannot be replayed against another one.
import { createHash } from "node:crypto";
import { badUserInput } from "../../errors.js";
import { decodeJson, encodeJson } from "./base64url.js";

const CURSOR_VERSION = 1;

export interface PagePosition {
  /** The NextToken that fetches the page; null for the first page. */
  token: string | null;
  /** Items of that page to skip. */
  offset: number;
  /**
   * The key of the item just before the position, when it is on that page. Resuming looks for it
   * first, so items added or removed before it (new requests come first in newest-first lists) do
   * not make the next page repeat or skip items; the offset is the fallback when it is gone.
   */
  afterKey?: string;
}

function scopeDigest(scope: string): string {
  return createHash("sha256").update(scope).digest("base64url").slice(0, 16);
}

export function encodeCursor(scope: string, position: PagePosition): string {
  return encodeJson({ v: CURSOR_VERSION, s: scopeDigest(scope), t: position.token, o: position.offset, k: position.afterKey });
}

/** Throws BAD_USER_INPUT unless `cursor` came from this listing (same arguments but `first`/`after`). */
export function decodeCursor(scope: string, cursor: string): PagePosition {
  const value = decodeJson(cursor) as { v?: unknown; s?: unknown; t?: unknown; o?: unknown; k?: unknown } | undefined;
  const valid =
    typeof value === "object" &&
    value !== null &&
    value.v === CURSOR_VERSION &&
    typeof value.s === "string" &&
    (value.t === null || typeof value.t === "string") &&
    Number.isSafeInteger(value.o) &&
    (value.o as number) >= 0 &&
    (value.k === undefined || typeof value.k === "string");
  if (!valid) throw badUserInput("`after` is not a cursor of this API: pass an endCursor or edge cursor unchanged.");
  if (value.s !== scopeDigest(scope)) {
    throw badUserInput("`after` is a cursor of another listing: use it with the same arguments it came from.");
  }
  const position: PagePosition = { token: value.t as string | null, offset: value.o as number };
  if (typeof value.k === "string") position.afterKey = value.k;
  return position;
}
