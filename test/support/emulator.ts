// Starts an in-process emulator on a free loopback port for one test file and closes it when the
// file's tests are done (node:test runs `after` hooks registered at the top level last).
import { after } from "node:test";
import { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import { startEmulator } from "../../src/emulator/index.js";
import type { EmulatorOptions, RunningEmulator } from "../../src/emulator/index.js";

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
