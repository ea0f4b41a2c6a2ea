// A gateway with authentication ON, against an emulator, for the security tests: API keys with read
// and write scopes, JWTs signed by a key pair made here (its public key configured as PEM), and
// every log line (pino's JSON and the GatewayLogger's) captured in memory so tests can assert what
// was and was not logged.
import { after } from "node:test";
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { SignJWT, exportSPKI, generateKeyPair } from "jose";
import type { CryptoKey } from "jose";
import { DEFAULT_SCOPES, hashApiKey } from "../../src/auth/index.js";
import type { CloudControlFacade } from "../../src/cloudcontrol/facade.js";
import type { ConfigOverrides, ResolvedGatewayConfig } from "../../src/config.js";
import { loadConfig, withConfig, withDefaultRegion } from "../../src/config.js";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { startHttpServer } from "../../src/http/index.js";
import { createLogger } from "../../src/observability/index.js";
import { createGateway } from "../../src/server.js";
import { TEST_CREDENTIALS } from "../support/emulator.js";
import { RecordingLogger } from "../gateway/harness.js";

export const ISSUER = "https://issuer.test/pool";
export const AUDIENCE = "gateway-app-client";

/** Secrets the logs must never contain. */
export const READ_KEY = `rk_${randomBytes(18).toString("base64url")}`;
export const WRITE_KEY = `wk_${randomBytes(18).toString("base64url")}`;
export const NO_SCOPE_KEY = `nk_${randomBytes(18).toString("base64url")}`;

const signer = await generateKeyPair("RS256", { extractable: true });
const forger = await generateKeyPair("RS256", { extractable: true });
export const PUBLIC_KEY_PEM = await exportSPKI(signer.publicKey);

export interface TokenOptions {
  scope?: string;
  /** Seconds from now; negative is expired. */
  expiresIn?: number;
  /** `iat`, in seconds from now (default -60). */
  issuedAt?: number;
  key?: CryptoKey;
  audience?: string;
  issuer?: string;
}

export async function token(options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: options.scope ?? DEFAULT_SCOPES.read, client_id: options.audience ?? AUDIENCE, token_use: "access" })
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(options.issuer ?? ISSUER)
    .setSubject("user-7")
    .setIssuedAt(now + (options.issuedAt ?? -60))
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(options.key ?? signer.privateKey);
}

export const forgedKey = forger.privateKey;

/** The environment of a production deployment with JWTs (PEM) and three API keys. */
export const SECURE_ENV = {
  AUTH_PUBLIC_KEY_PEM: PUBLIC_KEY_PEM,
  AUTH_ISSUER: ISSUER,
  AUTH_AUDIENCE: AUDIENCE,
  AUTH_API_KEYS: JSON.stringify([
    { name: "reader", hash: hashApiKey(READ_KEY), scopes: [DEFAULT_SCOPES.read] },
    { name: "writer", hash: hashApiKey(WRITE_KEY), scopes: [DEFAULT_SCOPES.read, DEFAULT_SCOPES.write] },
    { name: "nobody", hash: hashApiKey(NO_SCOPE_KEY), scopes: ["something:else"] },
  ]),
};

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by assertions
  body: any;
}

export interface SecureGateway {
  readonly url: string;
  readonly graphqlUrl: string;
  /** Every pino record, as the JSON line it wrote. */
  readonly logLines: string[];
  readonly recorder: RecordingLogger;
  /** POST a GraphQL request (JSON) with these headers. */
  post(body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  fetch(path: string, init?: RequestInit): Promise<HttpAnswer>;
  /** Everything logged, for "never logged" assertions. */
  allLogs(): string;
}

export interface SecureGatewayOptions {
  env?: Record<string, string>;
  /** Settings over the environment's, section by section (`{ cloudControl: { maxAttempts: 3 } }`). */
  config?: ConfigOverrides<ResolvedGatewayConfig>;
  cloudControl?: CloudControlFacade;
  /** How often an idle SSE or multipart stream gets a ping (the HTTP server's default otherwise). */
  streamKeepAliveMs?: number;
}

async function answer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function startSecureGateway(emulator: RunningEmulator, options: SecureGatewayOptions = {}): Promise<SecureGateway> {
  const secure = withConfig(withDefaultRegion(loadConfig({ ...SECURE_ENV, ...options.env }), "us-east-1"), {
    server: { port: 0 },
    cloudControl: { endpoint: emulator.url, maxAttempts: 1, wait: { timeoutMs: 3000, minDelayMs: 20, maxDelayMs: 100 } },
  });
  const config = withConfig(secure, options.config ?? {});
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter((line) => line !== ""));
      done();
    },
  });
  const log = createLogger({ level: "debug", destination });
  const recorder = new RecordingLogger();
  const gateway = createGateway({ config, credentials: TEST_CREDENTIALS, logger: recorder, log, cloudControl: options.cloudControl });
  const http = await startHttpServer(gateway, { host: "127.0.0.1", port: 0, streamKeepAliveMs: options.streamKeepAliveMs });
  after(() => http.close());
  const request = async (path: string, init?: RequestInit) => answer(await fetch(`${http.url}${path}`, init));
  return {
    url: http.url,
    graphqlUrl: http.graphqlUrl,
    logLines,
    recorder,
    post: (body, headers = {}) =>
      request("/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    fetch: request,
    allLogs: () =>
      [...logLines, ...recorder.lines, ...recorder.errors.map((error) => (error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : JSON.stringify(error)))].join("\n"),
  };
}

export const bearer = (value: string): Record<string, string> => ({ authorization: `Bearer ${value}` });
export const apiKey = (value: string): Record<string, string> => ({ "x-api-key": value });
