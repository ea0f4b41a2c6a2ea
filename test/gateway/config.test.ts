// Configuration: each section's defaults, every setting read, one clear line per problem from every
// section at once, the removed settings, and the helpers that lay settings over a configuration.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { AUTH_OFF, hashApiKey } from "../../src/auth/index.js";
import { createCloudControlClients } from "../../src/cloudcontrol/client.js";
import { ConfigError, loadConfig, loadDemoConfig, withConfig, withDefaultRegion } from "../../src/config.js";
import { configProblems } from "../support/config.js";
import { TEST_CREDENTIALS } from "../support/emulator.js";

const COGNITO_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123";

const problemsOf = configProblems;

describe("loadConfig", () => {
  it("has safe defaults: loopback, port 4000, the SDK's region chain", () => {
    assert.deepEqual(loadConfig({}), {
      server: {
        host: "127.0.0.1",
        port: 4000,
        ide: "graphiql",
        corsOrigins: [],
        allowedHosts: [],
        hstsMaxAgeSeconds: undefined,
        introspection: true,
        maskAwsMessages: undefined,
        apqCacheMaxBytes: 16 * 1024 * 1024,
        maxSubscriptionsPerConnection: 20,
        maxSubscriptionsPerCaller: 100,
        shutdownGraceMs: 25_000,
        logLevel: "info",
        metrics: true,
      },
      auth: { ...AUTH_OFF, mode: "on" },
      limits: { maxDepth: 10, maxAliases: 100, maxTokens: 5000, maxSelections: 1000, maxFragments: 64, maxRepeatedSelections: 8, maxDocumentBytes: 65_536, maxBodyBytes: 1_048_576, maxStringLength: 4096, maxCost: 250 },
      cloudControl: {
        region: undefined,
        allowedRegions: null,
        endpoint: undefined,
        roleArn: undefined,
        maxConcurrency: 10,
        maxAttempts: 3,
        requestTimeoutMs: 10_000,
        operationTimeoutMs: 60_000,
        pacing: { ratePerSecond: 25, burst: 5, maxInFlight: 50, replicas: 1 },
        wait: { timeoutMs: 30_000, minDelayMs: 250, maxDelayMs: 5_000 },
      },
      cache: { ttlMs: undefined, maxEntries: 10_000, redisUrl: undefined, redisTimeoutMs: 1000, apqRedisTtlSeconds: 86_400, apqRedisMaxEntryBytes: 65_536 },
    });
  });

  it("reads every setting", () => {
    const config = loadConfig({
      HOST: "0.0.0.0",
      PORT: "8080",
      AWS_REGION: "eu-west-1",
      CLOUDCONTROL_REGIONS: "eu-west-1, us-east-1",
      AWS_ENDPOINT_URL_CLOUDCONTROL: "http://127.0.0.1:4566",
      CLOUDCONTROL_MAX_CONCURRENCY: "4",
      CLOUDCONTROL_MAX_ATTEMPTS: "5",
      CLOUDCONTROL_REQUEST_TIMEOUT_MS: "2000",
      CLOUDCONTROL_RATE_LIMIT: "20",
      CLOUDCONTROL_RATE_BURST: "3",
      CLOUDCONTROL_MAX_IN_FLIGHT: "8",
      CLOUDCONTROL_REPLICAS: "3",
      OPERATION_TIMEOUT_MS: "15000",
      CACHE_TTL_MS: "2000",
      CACHE_MAX_ENTRIES: "500",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_TIMEOUT_MS: "250",
      APQ_REDIS_TTL_SECONDS: "3600",
      APQ_REDIS_MAX_ENTRY_BYTES: "8192",
      WAIT_TIMEOUT_MS: "60000",
      WAIT_POLL_MIN_DELAY_MS: "100",
      WAIT_POLL_MAX_DELAY_MS: "1000",
      IDE: "sandbox",
      CORS_ORIGINS: "https://app.example.com, http://localhost:*",
      APQ_CACHE_MAX_BYTES: "0",
      ALLOWED_HOSTS: "Gateway.example.com, *.internal.example.com",
      MAX_SUBSCRIPTIONS_PER_CONNECTION: "5",
      MAX_SUBSCRIPTIONS_PER_CALLER: "50",
      AUTH_MODE: "on",
      AUTH_JWKS_URL: `${COGNITO_ISSUER}/.well-known/jwks.json`,
      AUTH_ISSUER: COGNITO_ISSUER,
      AUTH_AUDIENCE: "client1, client2",
      AUTH_CLOCK_TOLERANCE_SECONDS: "10",
      AUTH_JWT_MAX_AGE_SECONDS: "86400",
      AUTH_API_KEYS: JSON.stringify([{ name: "ci", hash: hashApiKey("ci-key"), scopes: ["gw/read"] }]),
      AUTH_READ_SCOPE: "gw/read",
      AUTH_WRITE_SCOPE: "gw/write",
      MAX_DEPTH: "8",
      MAX_ALIASES: "20",
      MAX_TOKENS: "1000",
      MAX_SELECTIONS: "300",
      MAX_FRAGMENTS: "10",
      MAX_REPEATED_SELECTIONS: "2",
      MAX_DOCUMENT_BYTES: "4096",
      MAX_BODY_BYTES: "65536",
      MAX_STRING_LENGTH: "512",
      MAX_COST: "50",
      INTROSPECTION: "off",
      MASK_AWS_MESSAGES: "off",
      HSTS_MAX_AGE_SECONDS: "31536000",
      CLOUDCONTROL_ROLE_ARN: "arn:aws:iam::123456789012:role/cloudcontrol-handlers",
      SHUTDOWN_GRACE_MS: "5000",
      LOG_LEVEL: "warn",
      METRICS: "off",
    });
    assert.deepEqual(config, {
      server: {
        host: "0.0.0.0",
        port: 8080,
        ide: "sandbox",
        corsOrigins: ["https://app.example.com", "http://localhost:*"],
        allowedHosts: ["gateway.example.com", "*.internal.example.com"],
        hstsMaxAgeSeconds: 31_536_000,
        introspection: false,
        maskAwsMessages: false,
        apqCacheMaxBytes: 0,
        maxSubscriptionsPerConnection: 5,
        maxSubscriptionsPerCaller: 50,
        shutdownGraceMs: 5000,
        logLevel: "warn",
        metrics: false,
      },
      auth: {
        mode: "on",
        jwksUrl: `${COGNITO_ISSUER}/.well-known/jwks.json`,
        publicKeyPem: undefined,
        issuers: [COGNITO_ISSUER],
        audiences: ["client1", "client2"],
        clockToleranceSeconds: 10,
        jwtMaxAgeSeconds: 86_400,
        apiKeys: [{ name: "ci", hash: hashApiKey("ci-key"), scopes: ["gw/read"] }],
        scopes: { read: "gw/read", write: "gw/write" },
      },
      limits: { maxDepth: 8, maxAliases: 20, maxTokens: 1000, maxSelections: 300, maxFragments: 10, maxRepeatedSelections: 2, maxDocumentBytes: 4096, maxBodyBytes: 65_536, maxStringLength: 512, maxCost: 50 },
      cloudControl: {
        region: "eu-west-1",
        allowedRegions: ["eu-west-1", "us-east-1"],
        endpoint: "http://127.0.0.1:4566",
        roleArn: "arn:aws:iam::123456789012:role/cloudcontrol-handlers",
        maxConcurrency: 4,
        maxAttempts: 5,
        requestTimeoutMs: 2000,
        operationTimeoutMs: 15_000,
        pacing: { ratePerSecond: 20, burst: 3, maxInFlight: 8, replicas: 3 },
        wait: { timeoutMs: 60_000, minDelayMs: 100, maxDelayMs: 1000 },
      },
      cache: { ttlMs: 2000, maxEntries: 500, redisUrl: "redis://127.0.0.1:6379", redisTimeoutMs: 250, apqRedisTtlSeconds: 3600, apqRedisMaxEntryBytes: 8192 },
    });
  });

  it("reports every problem of every section together, one line each", () => {
    const problems = problemsOf({
      PORT: "http",
      IDE: "altair",
      AUTH_MODE: "maybe",
      MAX_DEPTH: "1",
      AWS_REGION: "Europe",
      AWS_ENDPOINT_URL_CLOUDCONTROL: "ftp://example.com",
      CLOUDCONTROL_MAX_CONCURRENCY: "0",
      WAIT_TIMEOUT_MS: "-5",
      CLOUDCONTROL_RETRY_MODE: "standard",
      CACHE_TTL_MS: "0",
      REDIS_URL: "http://cache.internal:6379",
    });
    assert.deepEqual(problems, [
      'PORT must be an integer from 0 to 65535, but is "http".',
      'IDE must be one of graphiql, playground, sandbox, off, but is "altair".',
      'AUTH_MODE must be one of on, off, but is "maybe".',
      'MAX_DEPTH must be an integer from 2 to 100, but is "1".',
      'AWS_REGION must be an AWS region name such as us-east-1, but is "Europe".',
      'AWS_ENDPOINT_URL_CLOUDCONTROL must be an http or https URL, but is "ftp://example.com".',
      'CLOUDCONTROL_MAX_CONCURRENCY must be an integer from 1 to 100, but is "0".',
      'WAIT_TIMEOUT_MS must be an integer from 0 to 900000, but is "-5".',
      `CLOUDCONTROL_RETRY_MODE is no longer read: ${RETRY_MODE_REPLACEMENT}`,
      'CACHE_TTL_MS must be an integer from 1 to 3600000, but is "0".',
      'REDIS_URL must be a redis:// or rediss:// URL, but is "http://cache.internal:6379".',
    ]);
  });

  it("rejects a default region outside CLOUDCONTROL_REGIONS and inverted poll delays", () => {
    assert.deepEqual(problemsOf({ AWS_REGION: "us-west-2", CLOUDCONTROL_REGIONS: "us-east-1" }), [
      "AWS_REGION us-west-2 must be one of CLOUDCONTROL_REGIONS (us-east-1).",
    ]);
    assert.equal(problemsOf({ WAIT_POLL_MIN_DELAY_MS: "500", WAIT_POLL_MAX_DELAY_MS: "100" }).length, 1);
  });

  it("treats empty values as unset", () => {
    const config = loadConfig({ PORT: "", AWS_REGION: " " });
    assert.equal(config.server.port, 4000);
    assert.equal(config.cloudControl.region, undefined);
  });
});

describe("loadDemoConfig", () => {
  it("adds EMULATOR_PORT (default 4566) and ignores the shell's AWS endpoint and region", () => {
    const demo = loadDemoConfig({ AWS_ENDPOINT_URL_CLOUDCONTROL: "https://example.com", AWS_REGION: "ap-south-1", PORT: "4100" });
    assert.equal(demo.emulatorPort, 4566);
    assert.equal(demo.gateway.server.port, 4100);
    assert.equal(demo.gateway.cloudControl.endpoint, undefined);
    assert.equal(demo.gateway.cloudControl.region, undefined);
    assert.equal(loadDemoConfig({ EMULATOR_PORT: "5000" }).emulatorPort, 5000);
    assert.throws(() => loadDemoConfig({ EMULATOR_PORT: "x", PORT: "y" }), (error: unknown) => error instanceof ConfigError && error.problems.length === 2);
  });
});

const RETRY_MODE_REPLACEMENT =
  "retries always use the SDK's standard mode, and the gateway paces every attempt itself (CLOUDCONTROL_RATE_LIMIT, CLOUDCONTROL_RATE_BURST, CLOUDCONTROL_MAX_IN_FLIGHT). Unset it.";

describe("removed settings", () => {
  it("refuses CLOUDCONTROL_RETRY_MODE, whatever its value, naming what replaced it", () => {
    for (const value of ["standard", "adaptive"]) {
      assert.deepEqual(problemsOf({ CLOUDCONTROL_RETRY_MODE: value }), [`CLOUDCONTROL_RETRY_MODE is no longer read: ${RETRY_MODE_REPLACEMENT}`]);
    }
  });

  it("keeps the SDK's standard retries even when AWS_RETRY_MODE asks for adaptive", async () => {
    const before = process.env.AWS_RETRY_MODE;
    process.env.AWS_RETRY_MODE = "adaptive";
    const clients = createCloudControlClients({
      endpoint: "http://127.0.0.1:9",
      credentials: TEST_CREDENTIALS,
      maxAttempts: 3,
      requestTimeoutMs: 1000,
      maxSockets: 1,
      pacing: { ratePerSecond: 1, burst: 1, maxInFlight: 1 },
    });
    try {
      const client = clients.forRegion("us-east-1");
      assert.equal(client.config.retryMode, "standard");
      assert.equal((await client.config.retryStrategy()).constructor.name, "StandardRetryStrategy");
    } finally {
      clients.destroy();
      if (before === undefined) delete process.env.AWS_RETRY_MODE;
      else process.env.AWS_RETRY_MODE = before;
    }
  });

  it("ignores NODE_ENV: nothing the gateway does depends on it", () => {
    assert.deepEqual(loadConfig({ NODE_ENV: "development" }), loadConfig({}));
    assert.deepEqual(loadConfig({ NODE_ENV: "production" }), loadConfig({}));
  });
});

describe("withConfig and withDefaultRegion", () => {
  it("lays settings over a configuration section by section, replacing lists whole, leaving the base alone", () => {
    const base = loadConfig({ CORS_ORIGINS: "https://a.example.com, https://b.example.com" });
    const changed = withConfig(base, {
      server: { corsOrigins: ["https://c.example.com"] },
      cloudControl: { pacing: { burst: 1 }, allowedRegions: ["us-east-1"] },
      cache: { ttlMs: 500 },
    });
    assert.deepEqual(changed.server, { ...base.server, corsOrigins: ["https://c.example.com"] });
    assert.deepEqual(changed.cloudControl, { ...base.cloudControl, pacing: { ...base.cloudControl.pacing, burst: 1 }, allowedRegions: ["us-east-1"] });
    assert.deepEqual(changed.cache, { ...base.cache, ttlMs: 500 });
    assert.equal(changed.auth, base.auth);
    assert.deepEqual(base.server.corsOrigins, ["https://a.example.com", "https://b.example.com"]);
    assert.equal(base.cloudControl.pacing.burst, 5);
    assert.equal(withConfig(changed, { cache: { ttlMs: undefined } }).cache.ttlMs, undefined);
  });

  it("gives the configuration its default region, changing nothing else", () => {
    const base = loadConfig({ CLOUDCONTROL_MAX_ATTEMPTS: "2" });
    const resolved = withDefaultRegion(base, "eu-central-1");
    assert.deepEqual(resolved, { ...base, cloudControl: { ...base.cloudControl, region: "eu-central-1" } });
    assert.equal(base.cloudControl.region, undefined);
  });
});
