// Static API keys for scripts. Only their SHA-256 is configured, so a leaked configuration leaks no
// key; a presented key is hashed and compared against every entry in constant time, so neither
// timing nor early exit tells how much of a hash matched or which entry was closest.
import { createHash, timingSafeEqual } from "node:crypto";
import type { ApiKeyEntry, Principal } from "./types.js";

const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

export function hashApiKey(key: string): string {
  return `sha256:${createHash("sha256").update(key, "utf8").digest("hex")}`;
}

export function isApiKeyHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}

export function createApiKeyVerifier(entries: readonly ApiKeyEntry[]) {
  const stored = entries.map((entry) => {
    if (!isApiKeyHash(entry.hash)) throw new TypeError(`API key "${entry.name}": hash must be sha256:<64 hex digits>.`);
    return { entry, digest: Buffer.from(entry.hash.slice("sha256:".length), "hex") };
  });
  return {
    /** The key's principal, or undefined when no entry matches. */
    verify(key: string): Principal | undefined {
      const presented = createHash("sha256").update(key, "utf8").digest();
      let match: ApiKeyEntry | undefined;
      for (const { entry, digest } of stored) {
        // Every entry is compared, match or not.
        if (timingSafeEqual(presented, digest) && match === undefined) match = entry;
      }
      return match && { subject: `apikey:${match.name}`, via: "api-key", scopes: new Set(match.scopes) };
    },
  };
}
