// `npm run emulator -- --port 4566 --seed demo`: the emulator as a process. A bad flag stops it with
// a line that says what is expected; SIGINT and SIGTERM close it cleanly.
import { USAGE, parseCliOptions } from "./cliOptions.js";
import type { EmulatorOptions } from "./options.js";
import { startEmulator } from "./server.js";

async function main(): Promise<void> {
  let options: EmulatorOptions | "help";
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`emulator: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator(options);
  console.log(`Cloud Control emulator listening on ${emulator.url}${options.seed ? ` (seed: ${String(options.seed)})` : ""}`);
  console.log(`Try: AWS_ENDPOINT_URL_CLOUDCONTROL=${emulator.url} AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \\`);
  console.log(`  aws cloudcontrol list-resources --type-name AWS::ApiGatewayV2::Api`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${(error as Error).message}`);
  process.exit(1);
});
