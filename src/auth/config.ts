// The AUTH_* settings: read and checked with the rest of the configuration (one line per problem),
// then turned into the authenticator's settings. The PEM key and the API key list may come from
// files (`..._FILE`), so secrets mounted as files never have to pass through the environment.
import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import type { SettingsReader } from "../configReader.js";
import { isApiKeyHash } from "./apiKeys.js";
import { DEFAULT_JWT_ALGORITHMS, DEFAULT_SCOPES } from "./types.js";
import type { ApiKeyEntry, AuthSettings, ScopeNames } from "./types.js";

export interface AuthConfig {
  /**
   * AUTH_MODE: `on` (default) or `off`. On with nothing configured lets nobody in, and `npm start`
   * refuses to run that way; off lets everyone read and write, and must be said explicitly.
   */
  mode: "on" | "off";
  /** AUTH_JWKS_URL: the issuer's key set (Cognito: https://cognito-idp.REGION.amazonaws.com/POOL/.well-known/jwks.json). */
  jwksUrl: string | undefined;
  /** AUTH_PUBLIC_KEY_PEM, or the file AUTH_PUBLIC_KEY_PEM_FILE: one SPKI public key, instead of a JWKS. */
  publicKeyPem: string | undefined;
  /** AUTH_ISSUER: comma-separated accepted `iss` values. Required with a JWKS or a key. */
  issuers: string[];
  /** AUTH_AUDIENCE: comma-separated accepted `aud` values (Cognito access tokens: the app client id, matched against `client_id`). */
  audiences: string[];
  /** AUTH_CLOCK_TOLERANCE_SECONDS: clock skew allowed on `exp`, `nbf` and `iat` (default 5). */
  clockToleranceSeconds: number;
  /**
   * AUTH_JWT_MAX_AGE_SECONDS: unset (default) or 1 to 31536000. When set, a bearer token must carry
   * `iat`, and `exp - iat` may not exceed it (a 100-year token is refused at once, not after a while).
   */
  jwtMaxAgeSeconds: number | undefined;
  /** AUTH_API_KEYS (JSON) or the file AUTH_API_KEYS_FILE: `[{ "name", "hash": "sha256:...", "scopes": [...] }]`. */
  apiKeys: ApiKeyEntry[];
  /** AUTH_READ_SCOPE and AUTH_WRITE_SCOPE (defaults routeresponses:read and routeresponses:write). */
  scopes: ScopeNames;
}

/** A value given directly or as `NAME_FILE` (never both). */
function valueOrFile(read: SettingsReader, name: string): string | undefined {
  const direct = read.optional(name);
  const file = read.optional(`${name}_FILE`);
  if (direct !== undefined && file !== undefined) {
    read.problems.push(`Set ${name} or ${name}_FILE, not both.`);
    return undefined;
  }
  if (file === undefined) return direct;
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    read.problems.push(`${name}_FILE names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}): ${file}`);
    return undefined;
  }
}

function scopeName(read: SettingsReader, name: string, fallback: string): string {
  const value = read.optional(name) ?? fallback;
  if (/\s/.test(value)) read.problems.push(`${name} must be one scope name without spaces, but is "${value}".`);
  return value;
}

/** Problems are named by variable and entry, never by a key or hash value. */
function apiKeysOf(read: SettingsReader, text: string | undefined, source: string): ApiKeyEntry[] {
  if (text === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    read.problems.push(`${source} must be JSON: [{"name": "...", "hash": "sha256:...", "scopes": ["..."]}].`);
    return [];
  }
  if (!Array.isArray(parsed)) {
    read.problems.push(`${source} must be a JSON array of {name, hash, scopes}.`);
    return [];
  }
  const entries: ApiKeyEntry[] = [];
  const names = new Set<string>();
  parsed.forEach((item: unknown, index) => {
    const entry = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const label = typeof entry.name === "string" && entry.name !== "" ? `"${entry.name}"` : `#${index + 1}`;
    const problems: string[] = [];
    if (typeof entry.name !== "string" || !/^[\w.@:-]{1,64}$/.test(entry.name)) problems.push("a name of 1 to 64 letters, digits or ._@:-");
    else if (names.has(entry.name)) problems.push("a name no other key has");
    else names.add(entry.name);
    if (typeof entry.hash !== "string" || !isApiKeyHash(entry.hash)) problems.push("a hash sha256:<64 hex digits> (npm run hash-api-key -- KEY prints it)");
    const scopes = entry.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((scope) => typeof scope === "string" && scope !== "")) {
      problems.push("a non-empty list of scopes");
    }
    if (problems.length > 0) {
      read.problems.push(`${source} entry ${label} needs ${problems.join(", ")}.`);
      return;
    }
    entries.push({ name: entry.name as string, hash: entry.hash as string, scopes: scopes as string[] });
  });
  return entries;
}

function publicKeyOf(read: SettingsReader, pem: string | undefined): string | undefined {
  if (pem === undefined) return undefined;
  // Environments often carry a PEM on one line with literal \n.
  const text = pem.includes("\\n") ? pem.replace(/\\n/g, "\n") : pem;
  try {
    createPublicKey(text);
    return text;
  } catch {
    read.problems.push("AUTH_PUBLIC_KEY_PEM is not a PEM public key (-----BEGIN PUBLIC KEY-----).");
    return undefined;
  }
}

/** Key sets are fetched over https; plain http only on loopback (tests, a local issuer). */
function jwksUrlOf(read: SettingsReader): string | undefined {
  const value = read.url("AUTH_JWKS_URL");
  if (value === undefined) return undefined;
  const url = new URL(value);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !loopback) {
    read.problems.push(`AUTH_JWKS_URL must be an https URL (http only on loopback), but is "${value}".`);
    return undefined;
  }
  return value;
}

export function readAuthConfig(read: SettingsReader): AuthConfig {
  const jwksUrl = jwksUrlOf(read);
  const publicKeyPem = publicKeyOf(read, valueOrFile(read, "AUTH_PUBLIC_KEY_PEM"));
  const apiKeysFile = read.optional("AUTH_API_KEYS_FILE");
  const apiKeys = apiKeysOf(read, valueOrFile(read, "AUTH_API_KEYS"), apiKeysFile === undefined ? "AUTH_API_KEYS" : "AUTH_API_KEYS_FILE");
  const config: AuthConfig = {
    mode: read.oneOf("AUTH_MODE", "on", ["on", "off"] as const),
    jwksUrl,
    publicKeyPem,
    issuers: read.list("AUTH_ISSUER"),
    audiences: read.list("AUTH_AUDIENCE"),
    clockToleranceSeconds: read.integer("AUTH_CLOCK_TOLERANCE_SECONDS", 5, 0, 300),
    jwtMaxAgeSeconds: read.optional("AUTH_JWT_MAX_AGE_SECONDS") === undefined ? undefined : read.integer("AUTH_JWT_MAX_AGE_SECONDS", 0, 1, 31_536_000),
    apiKeys,
    scopes: { read: scopeName(read, "AUTH_READ_SCOPE", DEFAULT_SCOPES.read), write: scopeName(read, "AUTH_WRITE_SCOPE", DEFAULT_SCOPES.write) },
  };
  const hasKeySource = read.optional("AUTH_JWKS_URL") !== undefined || read.optional("AUTH_PUBLIC_KEY_PEM") !== undefined || read.optional("AUTH_PUBLIC_KEY_PEM_FILE") !== undefined;
  if (jwksUrl !== undefined && publicKeyPem !== undefined) read.problems.push("Set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM, not both.");
  if (hasKeySource && config.issuers.length === 0) read.problems.push("AUTH_ISSUER is required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM (the tokens' `iss`).");
  if (hasKeySource && config.audiences.length === 0) {
    read.problems.push("AUTH_AUDIENCE is required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM (the tokens' `aud`; for Cognito the app client id).");
  }
  if (!hasKeySource && (config.issuers.length > 0 || config.audiences.length > 0)) {
    read.problems.push("AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM to verify tokens with.");
  }
  if (!hasKeySource && config.jwtMaxAgeSeconds !== undefined) {
    read.problems.push("AUTH_JWT_MAX_AGE_SECONDS applies to bearer tokens: it needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM.");
  }
  if (config.scopes.read === config.scopes.write) read.problems.push("AUTH_READ_SCOPE and AUTH_WRITE_SCOPE must differ.");
  return config;
}

/** The authenticator's settings: JWTs when a key source is configured, API keys when listed. */
export function authSettingsOf(config: AuthConfig): AuthSettings {
  const keySource = config.jwksUrl !== undefined ? { jwksUrl: config.jwksUrl } : config.publicKeyPem !== undefined ? { publicKeyPem: config.publicKeyPem } : undefined;
  return {
    enabled: config.mode === "on",
    jwt:
      keySource === undefined
        ? undefined
        : {
            ...keySource,
            issuers: config.issuers,
            audiences: config.audiences,
            clockToleranceSeconds: config.clockToleranceSeconds,
            maxTokenAgeSeconds: config.jwtMaxAgeSeconds,
            algorithms: DEFAULT_JWT_ALGORITHMS,
          },
    apiKeys: config.apiKeys,
    scopes: config.scopes,
  };
}

/**
 * Why `npm start` must not run with this configuration, or undefined. Authentication on with no way
 * to authenticate would refuse everyone; the operator meant something else, so say what to set.
 */
export function authenticationNotConfigured(config: AuthConfig): string | undefined {
  if (config.mode === "off" || config.jwksUrl !== undefined || config.publicKeyPem !== undefined || config.apiKeys.length > 0) return undefined;
  return "Authentication is not configured: set AUTH_JWKS_URL (or AUTH_PUBLIC_KEY_PEM) with AUTH_ISSUER and AUTH_AUDIENCE, and/or AUTH_API_KEYS; or AUTH_MODE=off to run without authentication.";
}

/** AUTH_MODE=off, as the harness and the demo use it. */
export const AUTH_OFF: AuthConfig = {
  mode: "off",
  jwksUrl: undefined,
  publicKeyPem: undefined,
  issuers: [],
  audiences: [],
  clockToleranceSeconds: 5,
  jwtMaxAgeSeconds: undefined,
  apiKeys: [],
  scopes: DEFAULT_SCOPES,
};
