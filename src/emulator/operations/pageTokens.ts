// NextTokens the emulator hands out: opaque to callers, signed so a tampered or foreign token is
// recognised, and bound to the listing they came from.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { invalidRequest } from "../errors.js";

export interface PageTokens {
  issue(scope: string, afterSeq: number): string;
  /** The position a token continues from; InvalidRequestException when it is not one of ours for this scope. */
  read(token: string, scope: string): number;
}

export function createPageTokens(): PageTokens {
  const secret = randomBytes(32);
  const sign = (body: string) => createHmac("sha256", secret).update(body).digest("base64");
  // UNDOCUMENTED: AWS's answer to a foreign or tampered NextToken; the emulator answers InvalidRequestException.
  const rejected = () => invalidRequest("The NextToken is invalid or belongs to another request.");
  return {
    issue(scope, afterSeq) {
      const body = JSON.stringify({ scope, afterSeq });
      return Buffer.from(JSON.stringify({ body, sig: sign(body) })).toString("base64");
    },
    read(token, scope) {
      try {
        const { body, sig } = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { body: string; sig: string };
        const expected = Buffer.from(sign(body));
        const given = Buffer.from(String(sig));
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw rejected();
        const parsed = JSON.parse(body) as { scope: string; afterSeq: number };
        if (parsed.scope !== scope) throw rejected();
        return parsed.afterSeq;
      } catch {
        throw rejected();
      }
    },
  };
}
