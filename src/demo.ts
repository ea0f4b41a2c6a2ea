// `npm run demo`: the emulator with the demo seed and the gateway on it, in one process. Writes take
// 1.5 s in the emulator, so `wait: false` shows IN_PROGRESS and `resourceRequest` shows it finish.
import type { DemoConfig } from "./config.js";
import { withConfig, withDefaultRegion } from "./config.js";
import { AUTH_OFF } from "./auth/index.js";
import type { GatewayLogger } from "./errors.js";
import type { Logger } from "./observability/index.js";
import { startEmulator } from "./emulator/index.js";
import { DEMO_API_ID, DEMO_REGION, DEMO_REQUEST_TOKEN, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "./emulator/demoSeed.js";
import { DEMO_CORS_ORIGINS } from "./frontends/origins.js";
import { startHttpServer } from "./http/index.js";
import type { RouteResponseExampleIds } from "./ide/index.js";
import { nodeIdOf } from "./resolvers/relay/nodeId.js";
import { routeResponseType } from "./resourceTypes/index.js";
import { createGateway } from "./server.js";

/** Dummy static keys: the emulator accepts any credentials, and these must never reach AWS. */
const DEMO_CREDENTIALS = { accessKeyId: "AKIDDEMOGATEWAY", secretAccessKey: "demo-secret-not-a-real-key" };
const DEMO_WRITE_DURATION_MS = 1500;

/**
 * The demo's ids in the IDE's example tabs, so that every tab runs as shipped: the reads and updates
 * name `sendMessage`'s route response, the create makes one under `$disconnect`, the delete removes
 * `setTopic`'s (once), the follow tabs name the finished request that created `sendMessage`'s, and
 * the node lookup its `id`.
 */
export const DEMO_EXAMPLE_IDS: RouteResponseExampleIds = {
  region: DEMO_REGION,
  apiId: DEMO_API_ID,
  routeId: DEMO_ROUTES.sendMessage,
  routeResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault,
  createRouteId: DEMO_ROUTES.disconnect,
  deleteRouteId: DEMO_ROUTES.setTopic,
  deleteRouteResponseId: DEMO_ROUTE_RESPONSES.setTopicDefault,
  requestToken: DEMO_REQUEST_TOKEN,
  nodeId: nodeIdOf(routeResponseType, {
    region: DEMO_REGION,
    identifier: routeResponseType.formatIdentifier({ apiId: DEMO_API_ID, routeId: DEMO_ROUTES.sendMessage, routeResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault }),
  }),
};

export interface RunningDemo {
  emulatorUrl: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

/**
 * The AWS CLI command the demo prints, as lines to join with newlines: it carries everything the CLI
 * needs on a machine with no AWS configuration (the demo's dummy keys, the region, the emulator's
 * endpoint), so it works as printed. It lists the route responses of the demo's `sendMessage` route.
 */
export function awsCliCommand(emulatorUrl: string): string[] {
  return [
    `  AWS_ACCESS_KEY_ID=${DEMO_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${DEMO_CREDENTIALS.secretAccessKey} \\`,
    `  aws cloudcontrol list-resources --endpoint-url ${emulatorUrl} --region ${DEMO_REGION} \\`,
    `    --type-name AWS::ApiGatewayV2::RouteResponse --resource-model '{"ApiId":"${DEMO_API_ID}","RouteId":"${DEMO_ROUTES.sendMessage}"}'`,
  ];
}

function firstQuery(graphqlUrl: string): string {
  const query = `{ routeResponses(apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}") { nodes { id identifier routeResponseKey responseModels { contentType modelName } } } }`;
  return `curl -s ${graphqlUrl} -H 'content-type: application/json' -d '${JSON.stringify({ query })}'`;
}

/** `log`: the structured request logs (index.ts passes stdout); none by default. */
export async function startDemo(config: DemoConfig, logger: GatewayLogger = console, log?: Logger): Promise<RunningDemo> {
  // The emulator stays on loopback even when HOST exposes the gateway: it accepts any credentials.
  const { server } = config.gateway;
  const emulator = await startEmulator({ host: "127.0.0.1", port: config.emulatorPort, seed: "demo", writeDurationMs: DEMO_WRITE_DURATION_MS });
  try {
    const gateway = createGateway({
      config: withConfig(withDefaultRegion(config.gateway, DEMO_REGION), {
        cloudControl: { endpoint: emulator.url, allowedRegions: null },
        server: {
          // Any dev server on this machine may call the demo (examples/), unless CORS_ORIGINS says otherwise.
          corsOrigins: server.corsOrigins.length > 0 ? server.corsOrigins : [...DEMO_CORS_ORIGINS],
          // Its messages name no real account, so nothing is masked unless MASK_AWS_MESSAGES says so.
          introspection: true,
          maskAwsMessages: server.maskAwsMessages ?? false,
        },
        // Open, on purpose and said so below: the demo's data lives in its own emulator, which
        // accepts any credentials anyway.
        auth: AUTH_OFF,
      }),
      credentials: DEMO_CREDENTIALS,
      logger,
      log,
      exampleIds: DEMO_EXAMPLE_IDS,
    });
    const http = await startHttpServer(gateway, { host: server.host, port: server.port, drainTimeoutMs: server.shutdownGraceMs });
    const loopback = ["127.0.0.1", "localhost", "::1"].includes(server.host);
    logger.info(
      [
        `Cloud Control emulator (demo seed, region ${DEMO_REGION}): ${emulator.url}`,
        ...awsCliCommand(emulator.url),
        `GraphQL gateway: ${http.graphqlUrl} (open it in a browser for the GraphiQL IDE)`,
        `Try:`,
        `  ${firstQuery(http.graphqlUrl)}`,
        loopback
          ? `Authentication is off (demo): anything on this machine that reaches ${http.url} can read and change the emulator's data.`
          : `Authentication is off (demo) and HOST=${server.host} exposes it: anyone who reaches ${http.url} can read and change the emulator's data.`,
        `Ctrl-C stops both.`,
      ].join("\n"),
    );
    return {
      emulatorUrl: emulator.url,
      graphqlUrl: http.graphqlUrl,
      async close() {
        await http.close();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
