// AUTH_* and the other production settings: files, problems (one line each, never a secret in them),
// `npm start`'s refusal to run unauthenticated, the hash script, and RoleArn on the wire.
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { after, describe, it } from "node:test";
import { GetResourceCommand, GetResourceRequestStatusCommand } from "@aws-sdk/client-cloudcontrol";
import { AUTH_OFF, authSettingsOf, authenticationNotConfigured, hashApiKey } from "../../src/auth/index.js";
import { createCloudControlClients } from "../../src/cloudcontrol/client.js";
import { loadConfig } from "../../src/config.js";
import { TEST_CREDENTIALS, startTestEmulator } from "../support/emulator.js";
import { PUBLIC_KEY_PEM } from "./support.js";
import { configProblems } from "../support/config.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gateway-auth-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = configProblems;

describe("AUTH_* settings", () => {
  it("reads the PEM key and the API keys from files", () => {
    const pemFile = join(dir, "key.pem");
    const keysFile = join(dir, "keys.json");
    writeFileSync(pemFile, PUBLIC_KEY_PEM);
    writeFileSync(keysFile, JSON.stringify([{ name: "deploy-bot", hash: hashApiKey("k1"), scopes: ["routeresponses:write"] }]));
    const { auth } = loadConfig({ AUTH_PUBLIC_KEY_PEM_FILE: pemFile, AUTH_ISSUER: "https://i", AUTH_AUDIENCE: "a", AUTH_API_KEYS_FILE: keysFile });
    assert.equal(auth.publicKeyPem, PUBLIC_KEY_PEM);
    assert.deepEqual(auth.apiKeys, [{ name: "deploy-bot", hash: hashApiKey("k1"), scopes: ["routeresponses:write"] }]);
  });

  it("accepts a PEM written on one line with \\n", () => {
    const { auth } = loadConfig({ AUTH_PUBLIC_KEY_PEM: PUBLIC_KEY_PEM.replace(/\n/g, "\\n"), AUTH_ISSUER: "https://i", AUTH_AUDIENCE: "a" });
    assert.equal(auth.publicKeyPem, PUBLIC_KEY_PEM);
  });

  it("reports every problem on one line, naming no key or hash", () => {
    const plaintext = "my-plaintext-key-123";
    const problems = problemsOf({
      AUTH_JWKS_URL: "http://issuer.example.com/jwks.json",
      AUTH_PUBLIC_KEY_PEM: "not a key",
      AUTH_API_KEYS: JSON.stringify([{ name: "a", hash: plaintext, scopes: ["x"] }, { name: "b", hash: hashApiKey("b") }, { name: "a", hash: hashApiKey("c"), scopes: ["x"] }]),
      AUTH_READ_SCOPE: "same",
      AUTH_WRITE_SCOPE: "same",
      CLOUDCONTROL_ROLE_ARN: "arn:aws:iam::12:user/x",
    });
    assert.deepEqual(problems, [
      'AUTH_JWKS_URL must be an https URL (http only on loopback), but is "http://issuer.example.com/jwks.json".',
      "AUTH_PUBLIC_KEY_PEM is not a PEM public key (-----BEGIN PUBLIC KEY-----).",
      'AUTH_API_KEYS entry "a" needs a hash sha256:<64 hex digits> (npm run hash-api-key -- KEY prints it).',
      'AUTH_API_KEYS entry "b" needs a non-empty list of scopes.',
      'AUTH_API_KEYS entry "a" needs a name no other key has.',
      "AUTH_ISSUER is required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM (the tokens' `iss`).",
      "AUTH_AUDIENCE is required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM (the tokens' `aud`; for Cognito the app client id).",
      "AUTH_READ_SCOPE and AUTH_WRITE_SCOPE must differ.",
      'CLOUDCONTROL_ROLE_ARN must be an IAM role ARN (arn:aws:iam::123456789012:role/name), but is "arn:aws:iam::12:user/x".',
    ]);
    assert.ok(problems.every((problem) => !problem.includes(plaintext)));
  });

  it("reads AUTH_JWT_MAX_AGE_SECONDS into the verifier's settings: unset by default, 1 to 31536000, only with a key source", () => {
    const jwt = { AUTH_PUBLIC_KEY_PEM: PUBLIC_KEY_PEM, AUTH_ISSUER: "https://i", AUTH_AUDIENCE: "a" };
    assert.equal(authSettingsOf(loadConfig(jwt).auth).jwt?.maxTokenAgeSeconds, undefined);
    assert.equal(authSettingsOf(loadConfig({ ...jwt, AUTH_JWT_MAX_AGE_SECONDS: "3600" }).auth).jwt?.maxTokenAgeSeconds, 3600);
    assert.deepEqual(problemsOf({ ...jwt, AUTH_JWT_MAX_AGE_SECONDS: "0" }), ['AUTH_JWT_MAX_AGE_SECONDS must be an integer from 1 to 31536000, but is "0".']);
    assert.deepEqual(problemsOf({ AUTH_API_KEYS: JSON.stringify([{ name: "k", hash: hashApiKey("k"), scopes: ["s"] }]), AUTH_JWT_MAX_AGE_SECONDS: "3600" }), [
      "AUTH_JWT_MAX_AGE_SECONDS applies to bearer tokens: it needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY_PEM.",
    ]);
  });

  it("is not configured until a key source or API keys are, unless AUTH_MODE=off", () => {
    assert.match(authenticationNotConfigured(loadConfig({}).auth) ?? "", /^Authentication is not configured: set AUTH_JWKS_URL/);
    assert.equal(authenticationNotConfigured(AUTH_OFF), undefined);
    assert.equal(authenticationNotConfigured(loadConfig({ AUTH_API_KEYS: JSON.stringify([{ name: "k", hash: hashApiKey("k"), scopes: ["s"] }]) }).auth), undefined);
  });
});

describe("npm start without authentication", () => {
  it("refuses to start, in one line", async () => {
    const result = await run(process.execPath, [join(ROOT, "dist/src/index.js")], { env: { PATH: process.env.PATH ?? "" }, cwd: ROOT }).then(
      () => assert.fail("it started"),
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    const lines = result.stderr.trim().split("\n");
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /^Authentication is not configured: .* or AUTH_MODE=off to run without authentication\.$/);
  });
});

describe("npm run hash-api-key", () => {
  it("prints what the gateway compares against, from an argument or stdin", async () => {
    const script = join(ROOT, "scripts/hash-api-key.mjs");
    assert.equal((await run(process.execPath, [script, "s3cret-key"])).stdout.trim(), hashApiKey("s3cret-key"));
  });
});

describe("CLOUDCONTROL_ROLE_ARN", () => {
  it("is sent as RoleArn on the calls that take one, and not on the others", async () => {
    const emulator = await startTestEmulator({ seed: "demo" });
    const roleArn = "arn:aws:iam::123456789012:role/cloudcontrol-handlers";
    const clients = createCloudControlClients({
      endpoint: emulator.url,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
      requestTimeoutMs: 5000,
      maxSockets: 4,
      pacing: { ratePerSecond: 1000, burst: 100, maxInFlight: 10 },
      roleArn,
    });
    after(() => clients.destroy());
    const client = clients.forRegion("us-east-1");
    const sent: Array<[string, unknown]> = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const body = (args.request as { body?: string | Uint8Array }).body ?? "{}";
        const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
        sent.push([String(context.commandName), (JSON.parse(text) as { RoleArn?: unknown }).RoleArn]);
        return next(args);
      },
      { step: "finalizeRequest", name: "captureBody", priority: "low" },
    );
    await client.send(new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::RouteResponse", Identifier: "chat7a1b2c|send001|rrs0001" }));
    await client.send(new GetResourceRequestStatusCommand({ RequestToken: "00000000-0000-4000-8000-000000000000" })).catch(() => undefined);
    assert.deepEqual(sent, [
      ["GetResourceCommand", roleArn],
      ["GetResourceRequestStatusCommand", undefined],
    ]);
  });
});
