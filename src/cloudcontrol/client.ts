// The only file that constructs AWS SDK clients: one CloudControlClient per region, made on first use
// and reused (each holds a connection pool and credential cache).
import { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { CloudControlObserver } from "./instrument.js";
import { instrumentClient } from "./instrument.js";
import type { PacingOptions } from "./pacing.js";
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
  /** SDK attempts per call, retries of throttling and 5xx included. */
  maxAttempts: number;
  retryMode: "standard" | "adaptive";
  /** Per attempt; past it the call fails with UPSTREAM_TIMEOUT (once retries are spent). */
  requestTimeoutMs: number;
  /** Sockets per region: at least the read concurrency, so batched reads really run together. */
  maxSockets: number;
  /** Every attempt of every client waits for its region's token and a process-wide slot. */
  pacing: PacingOptions;
  /** CLOUDCONTROL_ROLE_ARN: the role Cloud Control uses for the resource handlers' calls. */
  roleArn?: string | undefined;
  /** Told of every call and failed attempt (the metrics). */
  observer?: CloudControlObserver | undefined;
}

export interface CloudControlClients {
  forRegion(region: string): CloudControlClient;
  destroy(): void;
}

export function createCloudControlClients(options: CloudControlClientOptions): CloudControlClients {
  const clients = new Map<string, CloudControlClient>();
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
  const pacer = createCloudControlPacer(options.pacing);
  return {
    forRegion(region) {
      let client = clients.get(region);
      if (client === undefined) {
        client = new CloudControlClient({
          region,
          endpoint: options.endpoint,
          credentials: options.credentials,
          maxAttempts: options.maxAttempts,
          retryMode: options.retryMode,
          requestHandler: {
            requestTimeout: options.requestTimeoutMs,
            // Without this the SDK only logs a warning when requestTimeout passes.
            throwOnRequestTimeout: true,
            httpAgent: new HttpAgent(agentOptions),
            httpsAgent: new HttpsAgent(agentOptions),
          },
        });
        client.middlewareStack.use(pacer.forRegion(region));
        instrumentClient(client, { roleArn: options.roleArn, observer: options.observer });
        clients.set(region, client);
      }
      return client;
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
