// The Cloud Control settings: where the gateway's calls go (regions, endpoint, role), how they are
// paced and retried, and how long they and the `wait: true` polls may take. Read with the rest of
// the configuration (one line per problem); createGateway hands them to the clients and the context.
import type { SettingsReader } from "../configReader.js";
import { isRegionName } from "./region.js";

export interface CloudControlConfig {
  /** AWS_REGION: the region of arguments that name none. Undefined: the SDK's chain (profile) decides at start. */
  region: string | undefined;
  /** CLOUDCONTROL_REGIONS: comma-separated regions a `region` argument may name; null: AWS's regions (the SDK's list). */
  allowedRegions: string[] | null;
  /** AWS_ENDPOINT_URL_CLOUDCONTROL: another Cloud Control endpoint (the emulator); undefined is AWS. */
  endpoint: string | undefined;
  /** CLOUDCONTROL_ROLE_ARN: an IAM role Cloud Control assumes for the resource handlers' calls (RoleArn). */
  roleArn: string | undefined;
  /** CLOUDCONTROL_MAX_CONCURRENCY: Cloud Control reads one GraphQL request runs at once. */
  maxConcurrency: number;
  /** CLOUDCONTROL_MAX_ATTEMPTS: SDK attempts per call, in the SDK's standard retry mode (throttling and 5xx are retried). */
  maxAttempts: number;
  /** CLOUDCONTROL_REQUEST_TIMEOUT_MS: per attempt; then UPSTREAM_TIMEOUT. */
  requestTimeoutMs: number;
  /** OPERATION_TIMEOUT_MS: the longest one GraphQL operation waits for Cloud Control; unfinished fields get UPSTREAM_TIMEOUT. */
  operationTimeoutMs: number;
  /** Every attempt of every call waits its turn here, for the whole process. */
  pacing: {
    /** CLOUDCONTROL_RATE_LIMIT: calls per second per region, every SDK attempt counted. */
    ratePerSecond: number;
    /** CLOUDCONTROL_RATE_BURST: calls a region may make at once after a quiet spell (the token bucket's size). */
    burst: number;
    /** CLOUDCONTROL_MAX_IN_FLIGHT: calls open at once, all regions together. */
    maxInFlight: number;
    /**
     * CLOUDCONTROL_REPLICAS: gateway processes sharing the account's Cloud Control budget. With REDIS_URL
     * they share each region's bucket through Redis; while Redis cannot answer, each paces at the rate
     * divided by this.
     */
    replicas: number;
  };
  /** How a `wait: true` mutation (and the progress subscription) polls its request's status. */
  wait: {
    /** WAIT_TIMEOUT_MS: the longest a `wait: true` mutation waits for its request. */
    timeoutMs: number;
    /** WAIT_POLL_MIN_DELAY_MS: the first delay between status polls. */
    minDelayMs: number;
    /** WAIT_POLL_MAX_DELAY_MS: the delay doubles up to this. */
    maxDelayMs: number;
  };
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

function region(read: SettingsReader, name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isRegionName(value)) {
    read.problems.push(`${name} must be an AWS region name such as us-east-1, but is "${value}".`);
    return undefined;
  }
  return value;
}

export function readCloudControlConfig(read: SettingsReader): CloudControlConfig {
  const defaultRegion = region(read, "AWS_REGION", read.optional("AWS_REGION"));
  const listed = read
    .list("CLOUDCONTROL_REGIONS")
    .map((item) => region(read, "CLOUDCONTROL_REGIONS", item))
    .filter((item): item is string => item !== undefined);
  if (defaultRegion !== undefined && listed.length > 0 && !listed.includes(defaultRegion)) {
    read.problems.push(`AWS_REGION ${defaultRegion} must be one of CLOUDCONTROL_REGIONS (${listed.join(", ")}).`);
  }
  const config: CloudControlConfig = {
    region: defaultRegion,
    allowedRegions: listed.length > 0 ? listed : null,
    endpoint: read.url("AWS_ENDPOINT_URL_CLOUDCONTROL"),
    roleArn: read.optional("CLOUDCONTROL_ROLE_ARN"),
    maxConcurrency: read.integer("CLOUDCONTROL_MAX_CONCURRENCY", 10, 1, 100),
    maxAttempts: read.integer("CLOUDCONTROL_MAX_ATTEMPTS", 3, 1, 10),
    requestTimeoutMs: read.integer("CLOUDCONTROL_REQUEST_TIMEOUT_MS", 10_000, 100, 300_000),
    operationTimeoutMs: read.integer("OPERATION_TIMEOUT_MS", 60_000, 100, 900_000),
    pacing: {
      ratePerSecond: read.integer("CLOUDCONTROL_RATE_LIMIT", 25, 1, 10_000),
      burst: read.integer("CLOUDCONTROL_RATE_BURST", 5, 1, 10_000),
      maxInFlight: read.integer("CLOUDCONTROL_MAX_IN_FLIGHT", 50, 1, 1000),
      replicas: read.integer("CLOUDCONTROL_REPLICAS", 1, 1, 1000),
    },
    wait: {
      timeoutMs: read.integer("WAIT_TIMEOUT_MS", 30_000, 0, 900_000),
      minDelayMs: read.integer("WAIT_POLL_MIN_DELAY_MS", 250, 10, 60_000),
      maxDelayMs: read.integer("WAIT_POLL_MAX_DELAY_MS", 5_000, 10, 300_000),
    },
  };
  if (config.roleArn !== undefined && !ROLE_ARN.test(config.roleArn)) {
    read.problems.push(`CLOUDCONTROL_ROLE_ARN must be an IAM role ARN (arn:aws:iam::123456789012:role/name), but is "${config.roleArn}".`);
  }
  if (config.wait.maxDelayMs < config.wait.minDelayMs) {
    read.problems.push(`WAIT_POLL_MAX_DELAY_MS (${config.wait.maxDelayMs}) must not be less than WAIT_POLL_MIN_DELAY_MS (${config.wait.minDelayMs}).`);
  }
  // The adaptive mode added the SDK's own client-side limiter in front of the gateway's pacing: it
  // waited outside the fair lanes, per client, and past the operation's deadline.
  read.removed(
    "CLOUDCONTROL_RETRY_MODE",
    "retries always use the SDK's standard mode, and the gateway paces every attempt itself (CLOUDCONTROL_RATE_LIMIT, CLOUDCONTROL_RATE_BURST, CLOUDCONTROL_MAX_IN_FLIGHT).",
  );
  return config;
}
