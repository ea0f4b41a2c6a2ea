// Typed configuration from an environment-like record, validated once at start. Every problem is
// reported, one line each, so a bad deployment is fixed in one round. index.ts is the only caller
// that passes process.env; tests pass plain records.
import { isRegionName } from "./cloudcontrol/region.js";

/** Where and how the gateway runs. Field docs name the variable each one comes from. */
export interface GatewayConfig {
  /** HOST: the interface to listen on. Loopback by default: exposing the gateway is a decision. */
  host: string;
  /** PORT */
  port: number;
  /** AWS_REGION: the region of arguments that name none. Undefined: the SDK's chain (profile) decides at start. */
  region: string | undefined;
  /** CLOUDCONTROL_REGIONS: comma-separated regions a `region` argument may name; null allows any. */
  allowedRegions: string[] | null;
  /** AWS_ENDPOINT_URL_CLOUDCONTROL: another Cloud Control endpoint (the emulator); undefined is AWS. */
  endpoint: string | undefined;
  /** CLOUDCONTROL_MAX_CONCURRENCY: Cloud Control reads one GraphQL request runs at once. */
  maxConcurrency: number;
  /** CLOUDCONTROL_MAX_ATTEMPTS: SDK attempts per call (throttling and 5xx are retried). */
  maxAttempts: number;
  /** CLOUDCONTROL_RETRY_MODE: `standard`, or `adaptive` (adds client-side rate limiting). */
  retryMode: "standard" | "adaptive";
  /** CLOUDCONTROL_REQUEST_TIMEOUT_MS: per attempt; then UPSTREAM_TIMEOUT. */
  requestTimeoutMs: number;
  /** WAIT_TIMEOUT_MS: the longest a `wait: true` mutation waits for its request. */
  waitTimeoutMs: number;
  /** WAIT_POLL_MIN_DELAY_MS: the first delay between status polls while waiting. */
  waitPollMinDelayMs: number;
  /** WAIT_POLL_MAX_DELAY_MS: the delay doubles up to this. */
  waitPollMaxDelayMs: number;
  /** NODE_ENV: passed to Apollo Server (only `production` changes anything there). */
  nodeEnv: string;
  /**
   * IDE: what a browser opening /graphql gets. `graphiql` (default) is served from the gateway's own
   * files; `sandbox` is Apollo Sandbox, loaded from Apollo's CDN; `off` serves no page.
   */
  ide: "graphiql" | "sandbox" | "off";
}

export type Env = Readonly<Record<string, string | undefined>>;

/** One line per problem; the process prints them and exits 1. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  }
}

/** Collects problems instead of throwing at the first one. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === "" ? undefined : value;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | undefined {
    return this.raw(name);
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, but is "${value}".`);
      return fallback;
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name} must be one of ${allowed.join(", ")}, but is "${value}".`);
      return fallback;
    }
    return value as T;
  }

  url(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.problems.push(`${name} must be an http or https URL, but is "${value}".`);
      return undefined;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      this.problems.push(`${name} must be an http or https URL, but is "${value}".`);
      return undefined;
    }
    return value;
  }

  region(name: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (!isRegionName(value)) {
      this.problems.push(`${name} must be an AWS region name such as us-east-1, but is "${value}".`);
      return undefined;
    }
    return value;
  }
}

export function loadConfig(env: Env): GatewayConfig {
  const read = new Reader(env);
  const region = read.region("AWS_REGION", read.optional("AWS_REGION"));
  const regionsList = read.optional("CLOUDCONTROL_REGIONS");
  const allowedRegions =
    regionsList === undefined
      ? null
      : regionsList
          .split(",")
          .map((item) => item.trim())
          .filter((item) => item !== "")
          .map((item) => read.region("CLOUDCONTROL_REGIONS", item))
          .filter((item): item is string => item !== undefined);
  if (region !== undefined && allowedRegions !== null && allowedRegions.length > 0 && !allowedRegions.includes(region)) {
    read.problems.push(`AWS_REGION ${region} must be one of CLOUDCONTROL_REGIONS (${allowedRegions.join(", ")}).`);
  }
  const config: GatewayConfig = {
    host: read.string("HOST", "127.0.0.1"),
    port: read.integer("PORT", 4000, 0, 65535),
    region,
    allowedRegions: allowedRegions !== null && allowedRegions.length > 0 ? allowedRegions : null,
    endpoint: read.url("AWS_ENDPOINT_URL_CLOUDCONTROL"),
    maxConcurrency: read.integer("CLOUDCONTROL_MAX_CONCURRENCY", 10, 1, 100),
    maxAttempts: read.integer("CLOUDCONTROL_MAX_ATTEMPTS", 3, 1, 10),
    retryMode: read.oneOf("CLOUDCONTROL_RETRY_MODE", "standard", ["standard", "adaptive"] as const),
    requestTimeoutMs: read.integer("CLOUDCONTROL_REQUEST_TIMEOUT_MS", 10_000, 100, 300_000),
    waitTimeoutMs: read.integer("WAIT_TIMEOUT_MS", 30_000, 0, 900_000),
    waitPollMinDelayMs: read.integer("WAIT_POLL_MIN_DELAY_MS", 250, 10, 60_000),
    waitPollMaxDelayMs: read.integer("WAIT_POLL_MAX_DELAY_MS", 5_000, 10, 300_000),
    nodeEnv: read.string("NODE_ENV", ""),
    ide: read.oneOf("IDE", "graphiql", ["graphiql", "sandbox", "off"] as const),
  };
  if (config.waitPollMaxDelayMs < config.waitPollMinDelayMs) {
    read.problems.push(
      `WAIT_POLL_MAX_DELAY_MS (${config.waitPollMaxDelayMs}) must not be less than WAIT_POLL_MIN_DELAY_MS (${config.waitPollMinDelayMs}).`,
    );
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/** `npm run demo`: the gateway's settings plus where the emulator listens. */
export interface DemoConfig {
  gateway: GatewayConfig;
  /** EMULATOR_PORT (default 4566, the port AWS tools commonly use for local emulators). */
  emulatorPort: number;
}

export function loadDemoConfig(env: Env): DemoConfig {
  const problems: string[] = [];
  let gateway: GatewayConfig | undefined;
  try {
    // The demo always talks to its own emulator in us-east-1, whatever the shell says about AWS.
    gateway = loadConfig({ ...env, AWS_REGION: undefined, AWS_ENDPOINT_URL_CLOUDCONTROL: undefined, CLOUDCONTROL_REGIONS: undefined });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const read = new Reader(env);
  const emulatorPort = read.integer("EMULATOR_PORT", 4566, 0, 65535);
  problems.push(...read.problems);
  if (problems.length > 0 || gateway === undefined) throw new ConfigError(problems);
  return { gateway, emulatorPort };
}
