// Authentication against a real JWKS endpoint on loopback: tokens signed as an OIDC provider signs
// them, keys rotated under a running verifier, and API keys configured only as hashes.
import { describe, it, after } from "node:test";
import { strict as assert } from "node:assert";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from "jose";
import type { JWK } from "jose";
import { AuthenticationError, DEFAULT_JWT_ALGORITHMS, DEFAULT_SCOPES, createAuthenticator, hashApiKey, scopesOf } from "../../src/auth/index.js";
import type { AuthSettings, Principal } from "../../src/auth/index.js";

const ISSUER = "https://issuer.test/pool";
const AUDIENCE = "gateway-client";

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, publicKey, privateKey, jwk };
}
type KeyPair = Awaited<ReturnType<typeof keyPair>>;

/** A JWKS endpoint whose key set the test can change, counting how often it is fetched. */
async function jwksServer(initial: JWK[]) {
  const state = { keys: initial, fetches: 0 };
  const server = createServer((_req, res) => {
    state.fetches++;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, state };
}

function token(key: KeyPair, claims: Record<string, unknown> = {}, expiresIn: string | number = "5m") {
  return new SignJWT({ scope: `${DEFAULT_SCOPES.read} openid`, aud: AUDIENCE, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: key.kid })
    .setIssuer(ISSUER)
    .setSubject("user-1")
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

function settings(jwt: Partial<NonNullable<AuthSettings["jwt"]>>, apiKeys: AuthSettings["apiKeys"] = []): AuthSettings {
  return {
    enabled: true,
    scopes: DEFAULT_SCOPES,
    apiKeys,
    jwt: { issuers: [ISSUER], audiences: [AUDIENCE], clockToleranceSeconds: 5, algorithms: DEFAULT_JWT_ALGORITHMS, ...jwt },
  };
}

async function rejection(promise: Promise<Principal>): Promise<AuthenticationError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AuthenticationError, `expected AuthenticationError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected the credentials to be refused");
}

describe("bearer JWTs against a JWKS", async () => {
  const first = await keyPair("key-1");
  const jwks = await jwksServer([first.jwk]);
  const auth = createAuthenticator(settings({ jwksUrl: jwks.url, jwksCooldownSeconds: 0 }));
  const bearer = async (t: Promise<string>) => auth.authenticate({ authorization: `Bearer ${await t}` });

  it("accepts a valid token and reads its subject and scopes", async () => {
    const principal = await bearer(token(first));
    assert.equal(principal.subject, "user-1");
    assert.equal(principal.via, "jwt");
    assert.deepEqual([...principal.scopes].sort(), ["openid", DEFAULT_SCOPES.read]);
  });

  it("caches the key set: many verifications, one fetch", async () => {
    const before = jwks.state.fetches;
    for (let i = 0; i < 5; i++) await bearer(token(first));
    assert.equal(jwks.state.fetches, before);
  });

  it("refuses expired, wrong-issuer, wrong-audience, forged and unsigned tokens", async () => {
    assert.equal((await rejection(bearer(token(first, {}, Math.floor(Date.now() / 1000) - 60)))).reason, "expired");
    const otherIssuer = new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: first.kid }).setIssuer("https://evil.test").setAudience(AUDIENCE).setExpirationTime("5m").sign(first.privateKey);
    assert.equal((await rejection(bearer(otherIssuer))).reason, "invalid");
    assert.equal((await rejection(bearer(token(first, { aud: "someone-else" })))).reason, "invalid");
    const forger = await keyPair("key-1"); // same kid, different key: a forged signature
    assert.equal((await rejection(bearer(token(forger)))).reason, "invalid");
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: "x", exp: Math.floor(Date.now() / 1000) + 300 })).toString("base64url");
    assert.equal((await rejection(auth.authenticate({ authorization: `Bearer ${header}.${body}.` }))).reason, "invalid");
    assert.equal((await rejection(auth.authenticate({ authorization: "Bearer not-a-jwt" }))).reason, "invalid");
  });

  it("tolerates a few seconds of clock skew, no more", async () => {
    const justExpired = Math.floor(Date.now() / 1000) - 2;
    assert.equal((await bearer(token(first, {}, justExpired))).subject, "user-1");
  });

  it("follows a key rotation: a token signed by a new key fetches the key set again", async () => {
    const second = await keyPair("key-2");
    jwks.state.keys = [first.jwk, second.jwk];
    const before = jwks.state.fetches;
    assert.equal((await bearer(token(second))).subject, "user-1");
    assert.equal(jwks.state.fetches, before + 1);
  });

  it("matches Cognito access tokens, which carry client_id instead of aud", async () => {
    const cognito = await new SignJWT({ client_id: AUDIENCE, token_use: "access", scope: DEFAULT_SCOPES.write })
      .setProtectedHeader({ alg: "RS256", kid: first.kid })
      .setIssuer(ISSUER)
      .setSubject("cognito-user")
      .setExpirationTime("5m")
      .sign(first.privateKey);
    const principal = await bearer(Promise.resolve(cognito));
    assert.deepEqual([...principal.scopes], [DEFAULT_SCOPES.write]);
    const otherClient = await new SignJWT({ client_id: "another-app" }).setProtectedHeader({ alg: "RS256", kid: first.kid }).setIssuer(ISSUER).setExpirationTime("5m").sign(first.privateKey);
    assert.equal((await rejection(bearer(Promise.resolve(otherClient)))).reason, "invalid");
  });
});

describe("bearer JWTs against a PEM key", () => {
  it("verifies with a configured public key", async () => {
    const key = await keyPair("pem");
    const auth = createAuthenticator(settings({ publicKeyPem: await exportSPKI(key.publicKey) }));
    assert.equal((await auth.authenticate({ authorization: `Bearer ${await token(key)}` })).subject, "user-1");
  });
});

describe("issued-at and the maximum token age", async () => {
  const key = await keyPair("iat");
  const publicKeyPem = await exportSPKI(key.publicKey);
  const now = () => Math.floor(Date.now() / 1000);
  const YEAR = 365 * 24 * 3600;
  /** A token issued at `iat` (omitted when null) that expires at `exp`, both in epoch seconds. */
  const signed = (iat: number | null, exp: number) => {
    const jwt = new SignJWT({ scope: DEFAULT_SCOPES.read, aud: AUDIENCE }).setProtectedHeader({ alg: "RS256", kid: key.kid }).setIssuer(ISSUER).setSubject("user-1");
    if (iat !== null) jwt.setIssuedAt(iat);
    return jwt.setExpirationTime(exp).sign(key.privateKey);
  };
  const withBearer = (auth: ReturnType<typeof createAuthenticator>, t: string) => auth.authenticate({ authorization: `Bearer ${t}` });

  it("refuses a token issued in the future beyond the clock skew, whatever the settings", async () => {
    const auth = createAuthenticator(settings({ publicKeyPem }));
    const error = await rejection(withBearer(auth, await signed(now() + 60, now() + 600)));
    assert.equal(error.reason, "invalid");
    assert.equal(error.message, "The bearer token was issued in the future: its iat is ahead of this gateway's clock by more than the allowed skew.");
    // Within the 5 s of skew, an issuer a little ahead is fine.
    assert.equal((await withBearer(auth, await signed(now() + 2, now() + 600))).subject, "user-1");
    const capped = createAuthenticator(settings({ publicKeyPem, maxTokenAgeSeconds: 3600 }));
    assert.match((await rejection(withBearer(capped, await signed(now() + 60, now() + 600)))).message, /issued in the future/);
  });

  it("accepts any lifetime and no iat while AUTH_JWT_MAX_AGE_SECONDS is unset", async () => {
    const auth = createAuthenticator(settings({ publicKeyPem }));
    assert.equal((await withBearer(auth, await signed(now() - 60, now() + 100 * YEAR))).subject, "user-1");
    assert.equal((await withBearer(auth, await signed(null, now() + 600))).subject, "user-1");
  });

  it("with a maximum age, refuses tokens that live longer and tokens without iat", async () => {
    const auth = createAuthenticator(settings({ publicKeyPem, maxTokenAgeSeconds: 3600 }));
    const century = await rejection(withBearer(auth, await signed(now() - 60, now() + 100 * YEAR)));
    assert.equal(century.reason, "invalid");
    assert.equal(century.message, "The bearer token lives longer than this gateway accepts (exp - iat is over its maximum token age).");
    assert.equal((await rejection(withBearer(auth, await signed(now() - 60, now() - 60 + 3601)))).reason, "invalid");
    const noIat = await rejection(withBearer(auth, await signed(null, now() + 600)));
    assert.equal(noIat.message, "The bearer token has no iat (issued-at) claim, which this gateway requires.");
    // A lifetime of exactly the maximum, and an old token that is still within it, are accepted.
    assert.equal((await withBearer(auth, await signed(now() - 60, now() - 60 + 3600))).subject, "user-1");
    assert.equal((await withBearer(auth, await signed(now() - 3500, now() + 100))).subject, "user-1");
    // Issued longer ago than the maximum: expired by its own exp, however it was issued.
    assert.equal((await rejection(withBearer(auth, await signed(now() - 7200, now() - 3600)))).reason, "expired");
  });
});

describe("API keys", () => {
  const auth = createAuthenticator(
    settings({ publicKeyPem: undefined, jwksUrl: "http://127.0.0.1:9/unused" }, [
      { name: "deploy-bot", hash: hashApiKey("s3cret-deploy"), scopes: [DEFAULT_SCOPES.read, DEFAULT_SCOPES.write] },
      { name: "dashboard", hash: hashApiKey("s3cret-dash"), scopes: [DEFAULT_SCOPES.read] },
    ]),
  );

  it("accepts a configured key from x-api-key or `Authorization: ApiKey`", async () => {
    assert.equal((await auth.authenticate({ apiKey: "s3cret-dash" })).subject, "apikey:dashboard");
    const bot = await auth.authenticate({ authorization: "ApiKey s3cret-deploy" });
    assert.equal(bot.subject, "apikey:deploy-bot");
    assert.ok(bot.scopes.has(DEFAULT_SCOPES.write));
  });

  it("refuses an unknown key without saying which one was close", async () => {
    const error = await rejection(auth.authenticate({ apiKey: "s3cret-dasH" }));
    assert.equal(error.reason, "unknown-key");
    assert.doesNotMatch(error.message, /dash|s3cret/i);
  });

  it("stores only hashes, and refuses a malformed one at start", () => {
    assert.match(hashApiKey("x"), /^sha256:[0-9a-f]{64}$/);
    assert.throws(() => createAuthenticator(settings({ jwksUrl: "http://127.0.0.1:9/unused" }, [{ name: "bad", hash: "plaintext", scopes: [] }])), /hash must be sha256:<64 hex digits>/);
  });
});

describe("without credentials", () => {
  it("is refused when authentication is on, with a sentence saying what to send", async () => {
    const auth = createAuthenticator(settings({ publicKeyPem: undefined, jwksUrl: "http://127.0.0.1:9/unused" }));
    const error = await rejection(auth.authenticate({}));
    assert.equal(error.reason, "missing");
    assert.match(error.message, /Authorization: Bearer/);
    assert.equal((await rejection(auth.authenticate({ authorization: "Basic dXNlcjpwYXNz" }))).reason, "malformed");
  });

  it("is an anonymous principal with every scope when authentication is off", async () => {
    const auth = createAuthenticator({ enabled: false, apiKeys: [], scopes: DEFAULT_SCOPES });
    const principal = await auth.authenticate({});
    assert.equal(principal.via, "anonymous");
    assert.ok(principal.scopes.has(DEFAULT_SCOPES.write) && principal.scopes.has(DEFAULT_SCOPES.read));
  });
});

describe("scopesOf", () => {
  it("reads scope, scp and permissions claims", () => {
    assert.deepEqual([...scopesOf({ scope: "a b", scp: ["c"], permissions: ["d", 5] })].sort(), ["a", "b", "c", "d"]);
  });
});
