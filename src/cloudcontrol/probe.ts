// What /readyz asks of AWS: can the SDK's chain produce credentials, and does Cloud Control answer
// them? ListResourceRequests with MaxResults 1 is the cheapest call that proves both (it needs no
// resource type or identifier). Answers name the failure's class, never AWS's message.
import { ListResourceRequestsCommand } from "@aws-sdk/client-cloudcontrol";
import type { CloudControlClients } from "./client.js";
import { classifyCloudControlError } from "./errors.js";

export interface ProbeResult {
  credentials: "ok" | string;
  cloudControl: "ok" | "not checked" | string;
}

export async function probeCloudControl(clients: CloudControlClients, region: string): Promise<ProbeResult> {
  const client = clients.forRegion(region);
  try {
    await client.config.credentials();
  } catch (error) {
    return { credentials: `failed: ${(error as Error).name || "Error"}`, cloudControl: "not checked" };
  }
  try {
    await client.send(new ListResourceRequestsCommand({ MaxResults: 1 }));
    return { credentials: "ok", cloudControl: "ok" };
  } catch (error) {
    const classified = classifyCloudControlError(error);
    return { credentials: "ok", cloudControl: `failed: ${classified.code}${classified.awsErrorName ? ` (${classified.awsErrorName})` : ""}` };
  }
}
