// Configuration: defaults, every setting read, and one clear line per problem.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { AUTH_OFF, hashApiKey } from "../../src/auth/index.js";
import { ConfigError, loadConfig, loadDemoConfig } from "../../src/config.js";
import { configProblems } from "../support/config.js";

const COGNITO_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123";

const problemsOf = configProblems;

describe("loadConfig", () => {
  it("has safe defaults: loopback, port 4000, the SDK's region chain", () => {
    assert.deepEqual(loadConfig({}), {
      host: "127.0.0.1",
      port: 4000,
      region: undefined,
      allowedRegions: null,
      endpoint: undefined,
      maxConcurrency: 10,
      maxAttempts: 3,
      retryMode: "standard",
      requestTimeoutMs: 10_000,
      rateLimitPerSecond: 25,
      rateBurst: 5,
      maxInFlight: 50,
      operationTimeoutMs: 60_000,
      cacheTtlMs: undefined,
      cacheMaxEntries: 10_000,
      redisUrl: undefined,
      redisTimeoutMs: 1000,
      waitTimeoutMs: 30_000,
      waitPollMinDelayMs: 250,
      waitPollMaxDelayMs: 5_000,
      nodeEnv: "",
      ide: "graphiql",
      corsOrigins: [],
      allowedHosts: [],
      maxSubscriptionsPerConnection: 20,
      maxSubscriptionsPerCaller: 100,
      apqCacheMaxBytes: 16 * 1024 * 1024,
      auth: { ...AUTH_OFF, mode: "on" },
      limits: { maxDepth: 10, maxAliases: 100, maxTokens: 5000, maxSelections: 1000, maxFragments: 64, maxRepeatedSelections: 8, maxDocumentBytes: 65_536, maxBodyBytes: 1_048_576, maxStringLength: 4096, maxCost: 250 },
      introspection: true,
      maskAwsMessages: undefined,
      hstsMaxAgeSeconds: undefined,
      roleArn: undefined,
      shutdownGraceMs: 25_000,
      logLevel: "info",
      metrics: true,
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
      CLOUDCONTROL_RETRY_MODE: "adaptive",
      CLOUDCONTROL_REQUEST_TIMEOUT_MS: "2000",
      CLOUDCONTROL_RATE_LIMIT: "20",
      CLOUDCONTROL_RATE_BURST: "3",
      CLOUDCONTROL_MAX_IN_FLIGHT: "8",
      OPERATION_TIMEOUT_MS: "15000",
      CACHE_TTL_MS: "2000",
      CACHE_MAX_ENTRIES: "500",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_TIMEOUT_MS: "250",
      WAIT_TIMEOUT_MS: "60000",
      WAIT_POLL_MIN_DELAY_MS: "100",
      WAIT_POLL_MAX_DELAY_MS: "1000",
      NODE_ENV: "production",
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
      host: "0.0.0.0",
      port: 8080,
      region: "eu-west-1",
      allowedRegions: ["eu-west-1", "us-east-1"],
      endpoint: "http://127.0.0.1:4566",
      maxConcurrency: 4,
      maxAttempts: 5,
      retryMode: "adaptive",
      requestTimeoutMs: 2000,
      rateLimitPerSecond: 20,
      rateBurst: 3,
      maxInFlight: 8,
      operationTimeoutMs: 15_000,
      cacheTtlMs: 2000,
      cacheMaxEntries: 500,
      redisUrl: "redis://127.0.0.1:6379",
      redisTimeoutMs: 250,
      waitTimeoutMs: 60_000,
      waitPollMinDelayMs: 100,
      waitPollMaxDelayMs: 1000,
      nodeEnv: "production",
      ide: "sandbox",
      corsOrigins: ["https://app.example.com", "http://localhost:*"],
      allowedHosts: ["gateway.example.com", "*.internal.example.com"],
      maxSubscriptionsPerConnection: 5,
      maxSubscriptionsPerCaller: 50,
      apqCacheMaxBytes: 0,
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
      introspection: false,
      maskAwsMessages: false,
      hstsMaxAgeSeconds: 31_536_000,
      roleArn: "arn:aws:iam::123456789012:role/cloudcontrol-handlers",
      shutdownGraceMs: 5000,
      logLevel: "warn",
      metrics: false,
    });
  });

  it("reports every problem, one line each", () => {
    const problems = problemsOf({
      PORT: "http",
      AWS_REGION: "Europe",
      AWS_ENDPOINT_URL_CLOUDCONTROL: "ftp://example.com",
      CLOUDCONTROL_MAX_CONCURRENCY: "0",
      CLOUDCONTROL_RETRY_MODE: "sometimes",
      IDE: "playground",
      WAIT_TIMEOUT_MS: "-5",
    });
    assert.equal(problems.length, 7);
    assert.ok(problems.includes('IDE must be one of graphiql, sandbox, off, but is "playground".'));
    for (const problem of problems) assert.doesNotMatch(problem, /\n/);
    assert.match(problems[0] ?? "", /^AWS_REGION must be an AWS region name such as us-east-1, but is "Europe"\.$/);
    assert.ok(problems.some((problem) => problem === 'PORT must be an integer from 0 to 65535, but is "http".'));
    assert.ok(problems.some((problem) => problem.startsWith("CLOUDCONTROL_MAX_CONCURRENCY must be an integer from 1 to 100")));
  });

  it("rejects a default region outside CLOUDCONTROL_REGIONS and inverted poll delays", () => {
    assert.deepEqual(problemsOf({ AWS_REGION: "us-west-2", CLOUDCONTROL_REGIONS: "us-east-1" }), [
      "AWS_REGION us-west-2 must be one of CLOUDCONTROL_REGIONS (us-east-1).",
    ]);
    assert.equal(problemsOf({ WAIT_POLL_MIN_DELAY_MS: "500", WAIT_POLL_MAX_DELAY_MS: "100" }).length, 1);
  });

  it("treats empty values as unset", () => {
    assert.equal(loadConfig({ PORT: "", AWS_REGION: " " }).port, 4000);
  });
});

describe("loadDemoConfig", () => {
  it("adds EMULATOR_PORT (default 4566) and ignores the shell's AWS endpoint and region", () => {
    const demo = loadDemoConfig({ AWS_ENDPOINT_URL_CLOUDCONTROL: "https://example.com", AWS_REGION: "ap-south-1", PORT: "4100" });
    assert.equal(demo.emulatorPort, 4566);
    assert.equal(demo.gateway.port, 4100);
    assert.equal(demo.gateway.endpoint, undefined);
    assert.equal(loadDemoConfig({ EMULATOR_PORT: "5000" }).emulatorPort, 5000);
    assert.throws(() => loadDemoConfig({ EMULATOR_PORT: "x", PORT: "y" }), (error: unknown) => error instanceof ConfigError && error.problems.length === 2);
  });
});
