// Typed configuration from an environment-like record, validated once at start, in sections: each
// is read by its own function next to the code it configures (server here, auth/, limits/,
// cloudcontrol/, cache/), all through one Reader that collects every problem, one line each, so a
// bad deployment is fixed in one round. index.ts and lambda.ts are the only callers that pass
// process.env; tests pass plain records.
import type { AuthConfig } from "./auth/config.js";
import { readAuthConfig } from "./auth/config.js";
import type { CacheConfig } from "./cache/config.js";
import { readCacheConfig } from "./cache/config.js";
import type { CloudControlConfig } from "./cloudcontrol/config.js";
import { readCloudControlConfig } from "./cloudcontrol/config.js";
import type { Env, SettingsReader } from "./configReader.js";
import { Reader } from "./configReader.js";
import { parseOriginPattern } from "./frontends/origins.js";
import type { LimitsConfig } from "./limits/config.js";
import { readLimitsConfig } from "./limits/config.js";

export type { Env } from "./configReader.js";

/**
 * How the gateway meets its callers, whatever the door: where it listens, what browsers may do, what
 * it reveals (introspection, AWS's messages), the state it holds for callers over time (persisted
 * queries, live subscriptions), and how it is operated (logs, metrics, shutdown). What one request
 * may ask is `limits`; what reaches AWS is `cloudControl`.
 */
export interface ServerConfig {
  /** HOST: the interface to listen on. Loopback by default: exposing the gateway is a decision. */
  host: string;
  /** PORT */
  port: number;
  /**
   * IDE: what a browser opening /graphql gets. `graphiql` (default) and `playground` (GraphQL
   * Playground) are served from the gateway's own files; `sandbox` is Apollo Sandbox, loaded from
   * Apollo's CDN; `off` serves no page.
   */
  ide: "graphiql" | "playground" | "sandbox" | "off";
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
  /** HSTS_MAX_AGE_SECONDS: send Strict-Transport-Security with this max-age (only behind TLS); unset sends none. */
  hstsMaxAgeSeconds: number | undefined;
  /** INTROSPECTION: `on` (default) or `off`. Introspection needs the read scope like any query; the demo always allows it. */
  introspection: boolean;
  /** MASK_AWS_MESSAGES: `on` or `off`; unset masks ARNs and account ids in AWS's messages, except in the demo. */
  maskAwsMessages: boolean | undefined;
  /** APQ_CACHE_MAX_BYTES: the bound of the automatic persisted queries' store; 0 turns APQ off. */
  apqCacheMaxBytes: number;
  /**
   * MAX_SUBSCRIPTIONS_PER_CONNECTION: live subscriptions one WebSocket may hold (default 20). Here,
   * not in `limits`: it bounds what the process holds for a caller over time, as the APQ store does,
   * not the size of one request.
   */
  maxSubscriptionsPerConnection: number;
  /** MAX_SUBSCRIPTIONS_PER_CALLER: live subscriptions one principal may hold over all its connections (default 100). */
  maxSubscriptionsPerCaller: number;
  /** SHUTDOWN_GRACE_MS: on SIGTERM, how long in-flight requests may finish before connections are cut. */
  shutdownGraceMs: number;
  /** LOG_LEVEL: pino's level for the JSON logs on stdout (default info; health checks log at debug). */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** METRICS: `on` (default) serves /metrics without credentials; `off` serves nothing there. */
  metrics: boolean;
}

/** Where and how the gateway runs, by section. Field docs name the variable each value comes from. */
export interface GatewayConfig {
  server: ServerConfig;
  /** AUTH_*: who may call, and with which scopes (src/auth/config.ts names each variable). */
  auth: AuthConfig;
  /** MAX_* (but the subscription caps): how large one request may be (src/limits/config.ts names each variable). */
  limits: LimitsConfig;
  /** AWS_REGION, AWS_ENDPOINT_URL_CLOUDCONTROL, CLOUDCONTROL_*, OPERATION_TIMEOUT_MS, WAIT_*: the calls to AWS. */
  cloudControl: CloudControlConfig;
  /** CACHE_*, REDIS_*: the route response cache across requests. */
  cache: CacheConfig;
}

/** The configuration once the default region is known (from AWS_REGION or the SDK's chain). */
export type ResolvedGatewayConfig = Omit<GatewayConfig, "cloudControl"> & { cloudControl: CloudControlConfig & { region: string } };

/** `config` with its default region: AWS_REGION's, or the one the SDK's chain found at start. */
export function withDefaultRegion(config: GatewayConfig, region: string): ResolvedGatewayConfig {
  return { ...config, cloudControl: { ...config.cloudControl, region } };
}

/** Some settings of a configuration, any section deep: lists and other values are replaced whole. */
export type ConfigOverrides<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] | null | undefined ? T[K] : T[K] extends object ? ConfigOverrides<T[K]> : T[K];
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `base` with `overrides` laid over it, section by section (the demo's differences, tests' and
 * benchmarks' settings): `withConfig(config, { cloudControl: { pacing: { burst: 1 } } })` changes the
 * burst and keeps every other setting.
 */
export function withConfig<T extends object>(base: T, overrides: ConfigOverrides<T>): T {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = isRecord(current) && isRecord(value) ? withConfig(current, value) : value;
  }
  return merged as T;
}

/** One line per problem; the process prints them and exits 1. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  }
}

function origins(read: SettingsReader, name: string): string[] {
  const entries = read.list(name);
  for (const entry of entries) {
    if (parseOriginPattern(entry) === null) {
      read.problems.push(`${name} entries must be origins such as https://app.example.com or http://localhost:* (no path), but one is "${entry}".`);
    }
  }
  return entries;
}

const HOST_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function hosts(read: SettingsReader, name: string): string[] {
  const entries = read.list(name).map((entry) => entry.toLowerCase());
  for (const entry of entries) {
    if (!HOST_NAME.test(entry)) {
      read.problems.push(`${name} entries must be host names such as gateway.example.com or *.example.com (no port, no scheme), but one is "${entry}".`);
    }
  }
  return entries;
}

export function readServerConfig(read: SettingsReader): ServerConfig {
  return {
    host: read.string("HOST", "127.0.0.1"),
    port: read.integer("PORT", 4000, 0, 65535),
    ide: read.oneOf("IDE", "graphiql", ["graphiql", "playground", "sandbox", "off"] as const),
    corsOrigins: origins(read, "CORS_ORIGINS"),
    allowedHosts: hosts(read, "ALLOWED_HOSTS"),
    hstsMaxAgeSeconds: read.optional("HSTS_MAX_AGE_SECONDS") === undefined ? undefined : read.integer("HSTS_MAX_AGE_SECONDS", 0, 0, 63_072_000),
    introspection: read.onOff("INTROSPECTION", true),
    maskAwsMessages: read.optional("MASK_AWS_MESSAGES") === undefined ? undefined : read.onOff("MASK_AWS_MESSAGES", true),
    apqCacheMaxBytes: read.integer("APQ_CACHE_MAX_BYTES", 16 * 1024 * 1024, 0, 1024 * 1024 * 1024),
    maxSubscriptionsPerConnection: read.integer("MAX_SUBSCRIPTIONS_PER_CONNECTION", 20, 1, 10_000),
    maxSubscriptionsPerCaller: read.integer("MAX_SUBSCRIPTIONS_PER_CALLER", 100, 1, 1_000_000),
    shutdownGraceMs: read.integer("SHUTDOWN_GRACE_MS", 25_000, 0, 600_000),
    logLevel: read.oneOf("LOG_LEVEL", "info", ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const),
    metrics: read.onOff("METRICS", true),
  };
}

export function loadConfig(env: Env): GatewayConfig {
  const read = new Reader(env);
  const config: GatewayConfig = {
    server: readServerConfig(read),
    auth: readAuthConfig(read),
    limits: readLimitsConfig(read),
    cloudControl: readCloudControlConfig(read),
    cache: readCacheConfig(read),
  };
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
