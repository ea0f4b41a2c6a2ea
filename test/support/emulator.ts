// Starts an in-process emulator on a free loopback port for one test file and closes it when the
// file's tests are done (node:test runs `after` hooks registered at the top level last).
import { after } from "node:test";
import { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import { startEmulator } from "../../src/emulator/index.js";
import type { EmulatorOptions, RunningEmulator } from "../../src/emulator/index.js";
import { createCloudControlClients } from "../../src/cloudcontrol/client.js";
import type { CloudControlClientOptions, CloudControlClients } from "../../src/cloudcontrol/client.js";

export const TEST_CREDENTIALS = { accessKeyId: "AKIDEMULATORTEST", secretAccessKey: "emulator-test-secret" };

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ host: "127.0.0.1", port: 0, ...options });
  after(() => emulator.close());
  return emulator;
}

/** The real AWS SDK client, pointed at the emulator over loopback. */
export function cloudControlClient(
  emulator: Pick<RunningEmulator, "url">,
  region = "us-east-1",
  extra: Partial<ConstructorParameters<typeof CloudControlClient>[0]> = {},
): CloudControlClient {
  const client = new CloudControlClient({ region, endpoint: emulator.url, credentials: TEST_CREDENTIALS, ...extra });
  after(() => client.destroy());
  return client;
}

/** The gateway's own per-region SDK clients (pacing included), pointed at the emulator, with a fast rate and 1 attempt. */
export function gatewayClients(emulator: Pick<RunningEmulator, "url">, extra: Partial<CloudControlClientOptions> = {}): CloudControlClients {
  const clients = createCloudControlClients({
    endpoint: emulator.url,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    requestTimeoutMs: 5000,
    maxSockets: 10,
    pacing: { ratePerSecond: 1000, burst: 100, maxInFlight: 10 },
    ...extra,
  });
  after(() => clients.destroy());
  return clients;
}
