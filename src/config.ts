// Typed configuration from an environment-like record, validated once at start. Every problem is
// reported, one line each, so a bad deployment is fixed in one round. index.ts is the only caller
// that passes process.env; tests pass plain records.
import { isRegionName } from "./cloudcontrol/region.js";
import { parseOriginPattern } from "./frontends/origins.js";
import type { AuthConfig } from "./auth/config.js";
import { readAuthConfig } from "./auth/config.js";
import type { LimitsConfig } from "./limits/config.js";
import { readLimitsConfig } from "./limits/config.js";

/** Where and how the gateway runs. Field docs name the variable each one comes from. */
export interface GatewayConfig {
  /** HOST: the interface to listen on. Loopback by default: exposing the gateway is a decision. */
  host: string;
  /** PORT */
  port: number;
  /** AWS_REGION: the region of arguments that name none. Undefined: the SDK's chain (profile) decides at start. */
  region: string | undefined;
  /** CLOUDCONTROL_REGIONS: comma-separated regions a `region` argument may name; null: AWS's regions (the SDK's list). */
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
  /** CLOUDCONTROL_RATE_LIMIT: Cloud Control calls per second per region, every SDK attempt counted, for the whole process. */
  rateLimitPerSecond: number;
  /** CLOUDCONTROL_RATE_BURST: calls a region may make at once after a quiet spell (the token bucket's size). */
  rateBurst: number;
  /** CLOUDCONTROL_MAX_IN_FLIGHT: Cloud Control calls the whole process has open at once, all regions together. */
  maxInFlight: number;
  /** OPERATION_TIMEOUT_MS: the longest one GraphQL operation waits for Cloud Control; unfinished fields get UPSTREAM_TIMEOUT. */
  operationTimeoutMs: number;
  /** CACHE_TTL_MS: how long a route response read may answer later requests; undefined (the default) is no cache. */
  cacheTtlMs: number | undefined;
  /** CACHE_MAX_ENTRIES: route responses the in-memory cache holds (least recently used go first). */
  cacheMaxEntries: number;
  /** REDIS_URL: keep the cache in Redis (shared by replicas) instead of in memory. */
  redisUrl: string | undefined;
  /** REDIS_TIMEOUT_MS: the longest one Redis call (or connection attempt) may take; past it the cache is a miss. */
  redisTimeoutMs: number;
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
  /**
   * CORS_ORIGINS: comma-separated origins whose pages may call the gateway (CORS) and open its
   * WebSocket: `https://app.example.com`, or `http://localhost:*` for any port. Empty (the default):
   * same-origin pages only; `npm run demo` then allows http://localhost:* and http://127.0.0.1:*.
   */
  corsOrigins: string[];
  /**
   * ALLOWED_HOSTS: comma-separated host names (`gateway.example.com`, `*.example.com`) requests may
   * name in their Host header besides loopback names. Checked when AUTH_MODE=off (against DNS
   * rebinding), and whenever it is set.
   */
  allowedHosts: string[];
  /** MAX_SUBSCRIPTIONS_PER_CONNECTION: live subscriptions one WebSocket may hold (default 20). */
  maxSubscriptionsPerConnection: number;
  /** MAX_SUBSCRIPTIONS_PER_CALLER: live subscriptions one principal may hold over all its connections (default 100). */
  maxSubscriptionsPerCaller: number;
  /** APQ_CACHE_MAX_BYTES: the bound of the automatic persisted queries' store; 0 turns APQ off. */
  apqCacheMaxBytes: number;
  /** AUTH_*: who may call, and with which scopes (src/auth/config.ts names each variable). */
  auth: AuthConfig;
  /** MAX_*: how large one request may be (src/limits/config.ts names each variable). */
  limits: LimitsConfig;
  /** INTROSPECTION: `on` (default) or `off`. Introspection needs the read scope like any query; the demo always allows it. */
  introspection: boolean;
  /** MASK_AWS_MESSAGES: `on` or `off`; unset masks ARNs and account ids in AWS's messages, except in the demo. */
  maskAwsMessages: boolean | undefined;
  /** HSTS_MAX_AGE_SECONDS: send Strict-Transport-Security with this max-age (only behind TLS); unset sends none. */
  hstsMaxAgeSeconds: number | undefined;
  /** CLOUDCONTROL_ROLE_ARN: an IAM role Cloud Control assumes for the resource handlers' calls (RoleArn). */
  roleArn: string | undefined;
  /** SHUTDOWN_GRACE_MS: on SIGTERM, how long in-flight requests may finish before connections are cut. */
  shutdownGraceMs: number;
  /** LOG_LEVEL: pino's level for the JSON logs on stdout (default info; health checks log at debug). */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** METRICS: `on` (default) serves /metrics without credentials; `off` serves nothing there. */
  metrics: boolean;
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

  redisUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!/^rediss?:\/\/./.test(value)) this.problems.push(`${name} must be a redis:// or rediss:// URL, but is "${value}".`);
    return value;
  }

  origins(name: string): string[] {
    const list = this.raw(name);
    if (list === undefined) return [];
    const entries = list
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
    for (const entry of entries) {
      if (parseOriginPattern(entry) === null) {
        this.problems.push(`${name} entries must be origins such as https://app.example.com or http://localhost:* (no path), but one is "${entry}".`);
      }
    }
    return entries;
  }

  hosts(name: string): string[] {
    const list = this.raw(name);
    if (list === undefined) return [];
    const entries = list
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item !== "");
    for (const entry of entries) {
      if (!/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) {
        this.problems.push(`${name} entries must be host names such as gateway.example.com or *.example.com (no port, no scheme), but one is "${entry}".`);
      }
    }
    return entries;
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
    rateLimitPerSecond: read.integer("CLOUDCONTROL_RATE_LIMIT", 25, 1, 10_000),
    rateBurst: read.integer("CLOUDCONTROL_RATE_BURST", 5, 1, 10_000),
    maxInFlight: read.integer("CLOUDCONTROL_MAX_IN_FLIGHT", 50, 1, 1000),
    operationTimeoutMs: read.integer("OPERATION_TIMEOUT_MS", 60_000, 100, 900_000),
    cacheTtlMs: read.optional("CACHE_TTL_MS") === undefined ? undefined : read.integer("CACHE_TTL_MS", 0, 1, 3_600_000),
    cacheMaxEntries: read.integer("CACHE_MAX_ENTRIES", 10_000, 1, 10_000_000),
    redisUrl: read.redisUrl("REDIS_URL"),
    redisTimeoutMs: read.integer("REDIS_TIMEOUT_MS", 1000, 10, 60_000),
    waitTimeoutMs: read.integer("WAIT_TIMEOUT_MS", 30_000, 0, 900_000),
    waitPollMinDelayMs: read.integer("WAIT_POLL_MIN_DELAY_MS", 250, 10, 60_000),
    waitPollMaxDelayMs: read.integer("WAIT_POLL_MAX_DELAY_MS", 5_000, 10, 300_000),
    nodeEnv: read.string("NODE_ENV", ""),
    ide: read.oneOf("IDE", "graphiql", ["graphiql", "sandbox", "off"] as const),
    corsOrigins: read.origins("CORS_ORIGINS"),
    allowedHosts: read.hosts("ALLOWED_HOSTS"),
    maxSubscriptionsPerConnection: read.integer("MAX_SUBSCRIPTIONS_PER_CONNECTION", 20, 1, 10_000),
    maxSubscriptionsPerCaller: read.integer("MAX_SUBSCRIPTIONS_PER_CALLER", 100, 1, 1_000_000),
    apqCacheMaxBytes: read.integer("APQ_CACHE_MAX_BYTES", 16 * 1024 * 1024, 0, 1024 * 1024 * 1024),
    auth: readAuthConfig(read),
    limits: readLimitsConfig(read),
    introspection: read.oneOf("INTROSPECTION", "on", ["on", "off"] as const) === "on",
    maskAwsMessages: read.optional("MASK_AWS_MESSAGES") === undefined ? undefined : read.oneOf("MASK_AWS_MESSAGES", "on", ["on", "off"] as const) === "on",
    hstsMaxAgeSeconds: read.optional("HSTS_MAX_AGE_SECONDS") === undefined ? undefined : read.integer("HSTS_MAX_AGE_SECONDS", 0, 0, 63_072_000),
    roleArn: read.optional("CLOUDCONTROL_ROLE_ARN"),
    shutdownGraceMs: read.integer("SHUTDOWN_GRACE_MS", 25_000, 0, 600_000),
    logLevel: read.oneOf("LOG_LEVEL", "info", ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const),
    metrics: read.oneOf("METRICS", "on", ["on", "off"] as const) === "on",
  };
  if (config.roleArn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(config.roleArn)) {
    read.problems.push(`CLOUDCONTROL_ROLE_ARN must be an IAM role ARN (arn:aws:iam::123456789012:role/name), but is "${config.roleArn}".`);
  }
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
