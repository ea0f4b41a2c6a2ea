// Configuration: defaults, every setting read, and one clear line per problem.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { ConfigError, loadConfig, loadDemoConfig } from "../../src/config.js";

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail("expected a ConfigError");
}

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
      waitTimeoutMs: 30_000,
      waitPollMinDelayMs: 250,
      waitPollMaxDelayMs: 5_000,
      nodeEnv: "",
      ide: "graphiql",
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
      WAIT_TIMEOUT_MS: "60000",
      WAIT_POLL_MIN_DELAY_MS: "100",
      WAIT_POLL_MAX_DELAY_MS: "1000",
      NODE_ENV: "production",
      IDE: "sandbox",
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
      waitTimeoutMs: 60_000,
      waitPollMinDelayMs: 100,
      waitPollMaxDelayMs: 1000,
      nodeEnv: "production",
      ide: "sandbox",
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
