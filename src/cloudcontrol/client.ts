// The only file that constructs AWS SDK clients: one CloudControlClient per region, made on first use
// and reused (each holds a connection pool and credential cache). Which regions may be named is the
// region policy's business (region.ts); a hard cap on clients stands behind it.
import { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { badUserInput } from "../errors.js";
import { carryCallScopes } from "./callScope.js";
import type { CloudControlObserver } from "./instrument.js";
import { instrumentClient } from "./instrument.js";
import type { PacingOptions, SharedPacing } from "./pacing.js";
import { createCloudControlPacer } from "./pacing.js";

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CloudControlClientOptions {
  /** A Cloud Control endpoint other than AWS's (the emulator, a proxy). */
  endpoint?: string | undefined;
  /** Fixed credentials (demo, tests); otherwise the SDK's default chain: env, profiles, SSO, roles. */
  credentials?: StaticCredentials | undefined;
  /** SDK attempts per call, retries of throttling and 5xx included (the SDK's standard retry mode). */
  maxAttempts: number;
  /** Per attempt; past it the call fails with UPSTREAM_TIMEOUT (once retries are spent). */
  requestTimeoutMs: number;
  /** Sockets per region: at least the read concurrency, so batched reads really run together. */
  maxSockets: number;
  /** Every attempt of every client waits for its region's token and a process-wide slot. */
  pacing: PacingOptions;
  /** Replicas share each region's bucket through Redis (REDIS_URL); without it, pacing is per process. */
  sharedPacing?: SharedPacing | undefined;
  /** CLOUDCONTROL_ROLE_ARN: the role Cloud Control uses for the resource handlers' calls. */
  roleArn?: string | undefined;
  /** Told of every call and failed attempt (the metrics). */
  observer?: CloudControlObserver | undefined;
  /** The most regions with a client (and a token bucket) at once; MAX_REGION_CLIENTS by default. */
  maxRegions?: number | undefined;
}

export interface CloudControlClients {
  /** The region's client, made on first use; BAD_USER_INPUT once `maxRegions` regions have one. */
  forRegion(region: string): CloudControlClient;
  /** The regions that have a client now. */
  readonly regions: readonly string[];
  destroy(): void;
}

/**
 * A defence behind the region policy, which already bounds the regions to AWS's (48 in the SDK's data
 * today) or CLOUDCONTROL_REGIONS: one client and bucket per name would otherwise let made-up names
 * grow memory and multiply the rate limit without bound.
 */
export const MAX_REGION_CLIENTS = 128;

export function createCloudControlClients(options: CloudControlClientOptions): CloudControlClients {
  const clients = new Map<string, CloudControlClient>();
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  const pacer = createCloudControlPacer(options.pacing, options.sharedPacing);
  const maxRegions = options.maxRegions ?? MAX_REGION_CLIENTS;
  return {
    forRegion(region) {
      let client = clients.get(region);
      if (client === undefined) {
        if (clients.size >= maxRegions) throw badUserInput(`region ${region} cannot be served: the gateway already serves ${maxRegions} regions, its most.`);
        client = new CloudControlClient({
          region,
          endpoint: options.endpoint,
          credentials: options.credentials,
          maxAttempts: options.maxAttempts,
          // Always standard, stated so that AWS_RETRY_MODE or a profile's retry_mode cannot bring in
          // the adaptive mode's own limiter: the pacer below already paces every attempt, fairly.
          retryMode: "standard",
          // Each command's middleware stack is resolved once, not on every send: a call's signal and
          // write watch travel with its input instead of send's options, which would turn this off
          // (callScope.ts).
          cacheMiddleware: true,
          requestHandler: {
            requestTimeout: options.requestTimeoutMs,
            // Without this the SDK only logs a warning when requestTimeout passes.
            throwOnRequestTimeout: true,
            httpAgent: new HttpAgent(agentOptions),
            httpsAgent: new HttpsAgent(agentOptions),
          },
        });
        carryCallScopes(client);
        client.middlewareStack.use(pacer.forRegion(region));
        instrumentClient(client, { roleArn: options.roleArn, observer: options.observer });
        clients.set(region, client);
      }
      return client;
    },
    get regions() {
      return [...clients.keys()];
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}

/**
 * The region of the SDK's default chain (AWS_REGION, then the profile's `region`), for when none is
 * configured explicitly. Undefined when the chain has none.
 */
export async function resolveDefaultRegion(): Promise<string | undefined> {
  const client = new CloudControlClient({});
  try {
    const region = await client.config.region();
    return region || undefined;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
