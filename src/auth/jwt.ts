// Bearer JWTs from Cognito, Auth0 or any OIDC provider, verified with jose: signature against a JWKS
// (cached, and fetched again when a token names a key id it has not seen: key rotation) or a PEM
// key; issuer, audience, expiry and not-before with a clock tolerance; a fixed list of algorithms.
import { createPublicKey } from "node:crypto";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
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

export function createJwtVerifier(settings: JwtSettings) {
  let keys: JWTVerifyGetKey;
  if (settings.jwksUrl) {
    keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
      cacheMaxAge: 10 * 60_000,
      cooldownDuration: (settings.jwksCooldownSeconds ?? 30) * 1000,
      timeoutDuration: 5_000,
    });
  } else if (settings.publicKeyPem) {
    const key = createPublicKey(settings.publicKeyPem);
    keys = () => key;
  } else {
    throw new TypeError("JWT verification needs a JWKS URL or a PEM public key.");
  }
  return {
    async verify(token: string): Promise<Principal> {
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
      return { subject: typeof claims.sub === "string" ? claims.sub : "unknown", via: "jwt", scopes: scopesOf(claims) };
    },
  };
}
