// What /readyz asks of AWS: can the SDK's chain produce credentials, and does Cloud Control answer
// them? ListResourceRequests with MaxResults 1 is the cheapest call that proves both (it needs no
// resource type or identifier). Answers name the failure's class, never AWS's message; the log names
// the endpoint that failed. Each probe ends within READINESS_TIMEOUT_MS, however silent the endpoint
// or slow the credential chain. Also here: the start-up check of the credential chain.
import { CloudControlClient, ListResourceRequestsCommand } from "@aws-sdk/client-cloudcontrol";
import type { GatewayLogger } from "../errors.js";
import { untilAborted } from "../pacing/index.js";
import type { CloudControlClients } from "./client.js";
import { scoped } from "./callScope.js";
import { endpointOfError } from "./endpoint.js";
import { classifyCloudControlError } from "./errors.js";

/** The longest one readiness probe waits for credentials and Cloud Control together. */
export const READINESS_TIMEOUT_MS = 3000;

export interface ProbeResult {
  credentials: "ok" | string;
  cloudControl: "ok" | "not checked" | string;
}

export interface ProbeOptions {
  /** Told why a probe failed, naming the endpoint; nothing by default. */
  logger?: Pick<GatewayLogger, "warn"> | undefined;
  /** READINESS_TIMEOUT_MS by default. */
  timeoutMs?: number | undefined;
}

/** How long a timed-out probe waits for its cut request's error, which names the endpoint. */
const ENDPOINT_GRACE_MS = 200;

const nameOf = (error: unknown): string => (error as Error | undefined)?.name || "Error";

export async function probeCloudControl(clients: CloudControlClients, region: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const client = clients.forRegion(region);
  try {
    await untilAborted(client.config.credentials(), deadline);
  } catch (error) {
    const why = deadline.aborted ? `not loaded within ${timeoutMs} ms` : `${nameOf(error)}: ${(error as Error).message}`;
    options.logger?.warn(`readiness: the AWS credentials cannot be loaded (${why})`);
    return { credentials: `failed: ${deadline.aborted ? "timeout" : nameOf(error)}`, cloudControl: "not checked" };
  }
  // The deadline travels with the input (callScope.ts), not as send's option: any option would empty
  // the SDK's middleware cache of the client every request uses.
  const sent = client.send(new ListResourceRequestsCommand(scoped({ MaxResults: 1 }, { signal: deadline })));
  try {
    await untilAborted(sent, deadline);
    return { credentials: "ok", cloudControl: "ok" };
  } catch (error) {
    if (deadline.aborted) {
      // The deadline cuts the request too: its own failure, a moment later, names where it went.
      const cut = await untilAborted(sent, AbortSignal.timeout(ENDPOINT_GRACE_MS)).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      options.logger?.warn(`readiness: Cloud Control at ${endpointOfError(cut) ?? "its endpoint"} (region ${region}) did not answer within ${timeoutMs} ms`);
      return { credentials: "ok", cloudControl: "failed: UPSTREAM_TIMEOUT" };
    }
    const at = endpointOfError(error) ?? "its endpoint";
    const classified = classifyCloudControlError(error);
    options.logger?.warn(`readiness: Cloud Control at ${at} (region ${region}) failed: ${classified.code}${classified.awsErrorName ? ` (${classified.awsErrorName})` : ""}`);
    return { credentials: "ok", cloudControl: `failed: ${classified.code}${classified.awsErrorName ? ` (${classified.awsErrorName})` : ""}` };
  }
}

/**
 * Whether the SDK's default chain (environment, shared files and AWS_PROFILE, SSO, web identity,
 * container and instance roles) yields credentials now, within `timeoutMs`: undefined when it does,
 * otherwise why not (the provider's error, which names no secret). For the start-up warning.
 */
export async function credentialsProblem(timeoutMs: number): Promise<string | undefined> {
  const client = new CloudControlClient({});
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    await untilAborted(client.config.credentials(), deadline);
    return undefined;
  } catch (error) {
    return deadline.aborted ? `no credentials within ${timeoutMs} ms` : `${nameOf(error)}: ${(error as Error).message}`;
  } finally {
    client.destroy();
  }
}
