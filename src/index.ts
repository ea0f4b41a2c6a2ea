// The process entry: the only reader of process.env and argv. `node dist/src/index.js` serves the
// gateway against AWS (or AWS_ENDPOINT_URL_CLOUDCONTROL); `... index.js demo` runs the demo.
import { authenticationNotConfigured } from "./auth/index.js";
import { resolveDefaultRegion } from "./cloudcontrol/client.js";
import { credentialsProblem } from "./cloudcontrol/probe.js";
import { ConfigError, loadConfig, loadDemoConfig, withDefaultRegion } from "./config.js";
import { startHttpServer } from "./http/index.js";
import { createLogger, gatewayLoggerOf } from "./observability/index.js";
import { createGateway } from "./server.js";

type Stoppable = { close(): Promise<void> };

/** How long the start-up check of the AWS credential chain may take (instance metadata can be slow). */
const STARTUP_CREDENTIALS_TIMEOUT_MS = 5000;

function stopOnSignals(running: Stoppable): void {
  const stop = (signal: string) => {
    console.info(`${signal}: stopping`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("could not stop cleanly", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

async function serve(): Promise<Stoppable> {
  const config = loadConfig(process.env);
  // Secure by default: serving with nobody able to authenticate is a mistake, serving open a decision.
  const unprotected = authenticationNotConfigured(config.auth);
  if (unprotected !== undefined) throw new ConfigError([unprotected]);
  // Not in the environment: the SDK's chain may still know one (the profile's `region`).
  const region = config.cloudControl.region ?? (await resolveDefaultRegion());
  if (region === undefined) throw new ConfigError(["No AWS region: set AWS_REGION or a region in your AWS profile."]);
  const log = createLogger({ level: config.server.logLevel });
  const logger = gatewayLoggerOf(log);
  const gateway = createGateway({ config: withDefaultRegion(config, region), log, logger });
  const http = await startHttpServer(gateway, { host: config.server.host, port: config.server.port, drainTimeoutMs: config.server.shutdownGraceMs });
  console.info(`GraphQL gateway: ${http.graphqlUrl} (default region ${region}, Cloud Control at ${config.cloudControl.endpoint ?? "AWS"})`);
  if (config.auth.mode === "off") console.warn(`Authentication is OFF (AUTH_MODE=off): anyone who can reach ${http.url} can read and change route responses.`);
  // Named at start, without delaying it. Not refused: credentials may come later (an SSO login, a
  // role attached to the instance), and /readyz answers 503 until they do.
  void credentialsProblem(STARTUP_CREDENTIALS_TIMEOUT_MS).then((problem) => {
    if (problem === undefined) return;
    const profile = process.env.AWS_PROFILE ? `profile "${process.env.AWS_PROFILE}" (AWS_PROFILE)` : "no AWS_PROFILE";
    console.warn(
      `AWS credentials cannot be loaded (${profile}): ${problem}. Operations answer AWS_CREDENTIALS_UNAVAILABLE and /readyz 503 until they can.`,
    );
  });
  return http;
}

async function demo(): Promise<Stoppable> {
  // Loaded only here: serving against AWS never loads the emulator.
  const { startDemo } = await import("./demo.js");
  const config = loadDemoConfig(process.env);
  return startDemo(config, console, createLogger({ level: config.gateway.server.logLevel }));
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== undefined && command !== "demo") throw new ConfigError([`Unknown command "${command}": use no argument, or "demo".`]);
  stopOnSignals(command === "demo" ? await demo() : await serve());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) console.error(problem);
  } else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`Cannot listen: ${(error as Error).message}. Set PORT (or EMULATOR_PORT for the demo's emulator).`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
