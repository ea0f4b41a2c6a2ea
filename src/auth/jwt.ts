// Bearer JWTs from Cognito, Auth0 or any OIDC provider, verified with jose: signature against a JWKS
// (cached, and fetched again when a token names a key id it has not seen: key rotation) or a PEM
// key; issuer, audience, expiry, not-before and issued-at with a clock tolerance; optionally a
// maximum lifetime; a fixed list of algorithms. jose is loaded with the first token to verify: a
// gateway without JWT authentication never loads it (about 70 ms of a cold start).
import { createPublicKey } from "node:crypto";
import type * as Jose from "jose";
import type { JWTPayload, JWTVerifyGetKey } from "jose";
import { AuthenticationError } from "./types.js";
import type { JwtSettings, Principal } from "./types.js";

/** Scopes as providers write them: OAuth's space-separated `scope` (Cognito, Auth0), `scp` (Okta, Entra), Auth0's `permissions`. */
export function scopesOf(claims: JWTPayload): Set<string> {
  const scopes = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string") value.split(" ").filter(Boolean).forEach((s) => scopes.add(s));
    else if (Array.isArray(value)) value.filter((s): s is string => typeof s === "string").forEach((s) => scopes.add(s));
  };
  add(claims.scope);
  add(claims.scp);
  add(claims.permissions);
  return scopes;
}

/**
 * `aud` must name an accepted audience. Cognito access tokens carry no `aud`; their app client id
 * is in `client_id`, which is matched instead.
 */
function audienceMatches(claims: JWTPayload, audiences: readonly string[]): boolean {
  const aud = claims.aud;
  if (aud !== undefined) return (Array.isArray(aud) ? aud : [aud]).some((a) => audiences.includes(a));
  return typeof claims.client_id === "string" && audiences.includes(claims.client_id);
}

/**
 * What jose leaves to us about `iat` (it checks only that it is a number, unless asked for an age):
 * a token issued in the future is refused whatever the settings, since no honest issuer's clock is
 * that far ahead; with a maximum age, `iat` is required and `exp - iat` may not exceed it. That one
 * bound also bounds the age: `exp` is checked, so a token is never used longer than that after its
 * issue. No claim value goes into a message.
 */
function checkIssuedAt(claims: JWTPayload, settings: JwtSettings, now: number): void {
  const { iat, exp } = claims;
  if (iat === undefined) {
    if (settings.maxTokenAgeSeconds !== undefined) {
      throw new AuthenticationError("The bearer token has no iat (issued-at) claim, which this gateway requires.", "invalid");
    }
    return;
  }
  if (iat > now + settings.clockToleranceSeconds) {
    throw new AuthenticationError("The bearer token was issued in the future: its iat is ahead of this gateway's clock by more than the allowed skew.", "invalid");
  }
  if (settings.maxTokenAgeSeconds !== undefined && exp !== undefined && exp - iat > settings.maxTokenAgeSeconds) {
    throw new AuthenticationError("The bearer token lives longer than this gateway accepts (exp - iat is over its maximum token age).", "invalid");
  }
}

export function createJwtVerifier(settings: JwtSettings) {
  // The settings are checked here, at start; jose and the key set are made on first use.
  let keysOf: (jose: typeof Jose) => JWTVerifyGetKey;
  if (settings.jwksUrl) {
    const url = new URL(settings.jwksUrl);
    keysOf = (jose) =>
      jose.createRemoteJWKSet(url, {
        cacheMaxAge: 10 * 60_000,
        cooldownDuration: (settings.jwksCooldownSeconds ?? 30) * 1000,
        timeoutDuration: 5_000,
      });
  } else if (settings.publicKeyPem) {
    const key = createPublicKey(settings.publicKeyPem);
    keysOf = () => () => key;
  } else {
    throw new TypeError("JWT verification needs a JWKS URL or a PEM public key.");
  }
  let loaded: Promise<{ jose: typeof Jose; keys: JWTVerifyGetKey }> | undefined;
  return {
    async verify(token: string): Promise<Principal> {
      const { jose, keys } = await (loaded ??= import("jose").then((jose) => ({ jose, keys: keysOf(jose) })));
      const { errors, jwtVerify } = jose;
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(token, keys, {
          issuer: [...settings.issuers],
          algorithms: [...settings.algorithms],
          clockTolerance: settings.clockToleranceSeconds,
          requiredClaims: ["exp"],
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new AuthenticationError("The bearer token has expired.", "expired");
        throw new AuthenticationError("The bearer token could not be verified.", "invalid");
      }
      if (!audienceMatches(claims, settings.audiences)) {
        throw new AuthenticationError("The bearer token could not be verified.", "invalid");
      }
      checkIssuedAt(claims, settings, Date.now() / 1000);
      return { subject: typeof claims.sub === "string" ? claims.sub : "unknown", via: "jwt", scopes: scopesOf(claims) };
    },
  };
}
