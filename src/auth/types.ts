// Who is calling and what they may do. Transport- and GraphQL-free: the server turns a failure
// into UNAUTHENTICATED (401) or FORBIDDEN (403).

export interface JwtSettings {
  /** A JWKS URL (Cognito: https://cognito-idp.REGION.amazonaws.com/POOL_ID/.well-known/jwks.json). */
  jwksUrl?: string;
  /** Or one PEM public key (SPKI), for issuers without a JWKS endpoint. */
  publicKeyPem?: string;
  /** Accepted `iss` values. */
  issuers: readonly string[];
  /** Accepted `aud` values; Cognito access tokens carry none and are matched by `client_id`. */
  audiences: readonly string[];
  /** Seconds of clock difference tolerated for `exp`, `nbf` and `iat` (a token issued later than now plus this is refused). */
  clockToleranceSeconds: number;
  /**
   * When set, the longest lifetime a token may have: `iat` is required and `exp - iat` may not
   * exceed it. With `exp` checked as well, no token is accepted longer than this after its issue.
   */
  maxTokenAgeSeconds?: number | undefined;
  /**
   * After fetching the JWKS, how long an unknown key id waits before the set is fetched again.
   * Bounds what tokens with made-up key ids can make the gateway fetch; rotation is picked up after it.
   */
  jwksCooldownSeconds?: number;
  /** Accepted signature algorithms; never `none` or HMAC, since the keys are public. */
  algorithms: readonly string[];
}

export interface ApiKeyEntry {
  /** Names the key in logs; never the key itself. */
  name: string;
  /** `sha256:<hex>` of the key (`npm run hash-api-key -- KEY` prints it). */
  hash: string;
  scopes: readonly string[];
}

export interface ScopeNames {
  read: string;
  write: string;
}

export interface AuthSettings {
  /** Off only when the operator says so (AUTH_MODE=off), or in the demo. */
  enabled: boolean;
  jwt?: JwtSettings;
  apiKeys: readonly ApiKeyEntry[];
  scopes: ScopeNames;
}

export interface Principal {
  /**
   * `sub` of a token, `apikey:<name>` of a key, `anonymous` when authentication is off (the pipeline
   * makes it `anonymous@<client address>`, so anonymous callers are told apart).
   */
  subject: string;
  via: "jwt" | "api-key" | "anonymous";
  scopes: ReadonlySet<string>;
}

/** Why a caller is not let in. `message` is safe to show: it names no key, token or claim value. */
export class AuthenticationError extends Error {
  override readonly name = "AuthenticationError";
  constructor(message: string, readonly reason: "missing" | "malformed" | "expired" | "invalid" | "unknown-key") {
    super(message);
  }
}

export const DEFAULT_SCOPES: ScopeNames = { read: "routeresponses:read", write: "routeresponses:write" };
export const DEFAULT_JWT_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"] as const;
