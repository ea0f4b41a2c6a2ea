// The composition root, transport-agnostic: builds the SDK clients, the Cloud Control facade, the
// context factory and the Apollo server. Adapters (src/http/ today, a Lambda handler later) take
// `apollo` and `createContext` from here and never build either themselves.
import { ApolloServer } from "@apollo/server";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { IncomingMessage, ServerResponse } from "node:http";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { StaticCredentials } from "./cloudcontrol/client.js";
import { createCloudControlClients } from "./cloudcontrol/client.js";
import { createRegionPolicy } from "./cloudcontrol/region.js";
import type { RouteResponseCloudControl } from "./cloudcontrol/routeResponseApi.js";
import { createRouteResponseCloudControl } from "./cloudcontrol/routeResponseApi.js";
import type { GatewayConfig } from "./config.js";
import type { GatewayContext } from "./context.js";
import { createContextFactory } from "./context.js";
import type { GatewayLogger } from "./errors.js";
import { createErrorFormatter } from "./errors.js";
import { resolvers } from "./resolvers/index.js";
import { createIdeHandler, defaultIdeAssetsDir, routeResponseExamples } from "./ide/index.js";
import type { RouteResponseExampleIds } from "./ide/index.js";

/**
 * A handler for one of the gateway's HTTP routes besides GraphQL (the IDE, health, metrics): true
 * when it answered the request, false to let the next one try. Adapters run them in order.
 */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** The configuration once the default region is known (from AWS_REGION or the SDK's chain). */
export type ResolvedGatewayConfig = Omit<GatewayConfig, "region"> & { region: string };

export interface GatewayOptions {
  config: ResolvedGatewayConfig;
  /** Fixed credentials (demo, tests); by default the SDK's chain. */
  credentials?: StaticCredentials;
  /** Replaces the AWS-backed facade (tests that need failures Cloud Control cannot produce). */
  cloudControl?: RouteResponseCloudControl;
  logger?: GatewayLogger;
  /** The folder of the SDL files; by default the repository's `schema/`. */
  schemaDirectory?: string;
  /** Ids the IDE's example operations use (the demo's); placeholders otherwise. */
  exampleIds?: RouteResponseExampleIds;
}

export interface Gateway {
  readonly apollo: ApolloServer<GatewayContext>;
  /** Makes the context of one GraphQL request (fresh loaders). */
  readonly createContext: () => Promise<GatewayContext>;
  /** Routes served before GraphQL, in order. */
  readonly httpRoutes: readonly HttpRoute[];
  start(): Promise<void>;
  /** Stops Apollo and closes the SDK clients' connections. */
  stop(): Promise<void>;
}

/** `schema/` sits at the repository root: two levels above dist/src/, one above src/. */
function defaultSchemaDirectory(): string {
  const candidates = ["../../schema/", "../schema/"].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined) throw new Error(`No schema/ folder with the SDL next to the gateway (looked in ${candidates.join(", ")}).`);
  return found;
}

/** The SDL files in name order, so the schema and codegen read the same text. */
export function loadTypeDefs(directory = defaultSchemaDirectory()): string[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith(".graphql"))
    .sort();
  if (files.length === 0) throw new Error(`No .graphql files in ${directory}.`);
  return files.map((name) => readFileSync(`${directory.replace(/\/?$/, "/")}${name}`, "utf8"));
}

/** The browser IDE as configured: GraphiQL from our own files, Apollo Sandbox from its CDN, or none. */
function ideSetup(options: GatewayOptions, logger: GatewayLogger): { routes: HttpRoute[]; landingPage: ApolloServerPlugin } {
  const disabled = ApolloServerPluginLandingPageDisabled();
  switch (options.config.ide) {
    case "sandbox":
      return { routes: [], landingPage: ApolloServerPluginLandingPageLocalDefault({ footer: false }) };
    case "off":
      return { routes: [], landingPage: disabled };
    case "graphiql": {
      const assetsDir = defaultIdeAssetsDir();
      if (assetsDir === undefined) {
        logger.warn("The IDE is not built (npm run build:ide): /graphql serves no page to browsers.");
        return { routes: [], landingPage: disabled };
      }
      const ide = createIdeHandler({ assetsDir, endpoint: "/graphql", examples: routeResponseExamples(options.exampleIds) });
      return { routes: [(req, res) => ide.handle(req, res)], landingPage: disabled };
    }
  }
}

export function createGateway(options: GatewayOptions): Gateway {
  const { config } = options;
  const logger = options.logger ?? console;
  const clients = createCloudControlClients({
    endpoint: config.endpoint,
    credentials: options.credentials,
    maxAttempts: config.maxAttempts,
    retryMode: config.retryMode,
    requestTimeoutMs: config.requestTimeoutMs,
    maxSockets: Math.max(config.maxConcurrency, 50),
  });
  const cloudControl = options.cloudControl ?? createRouteResponseCloudControl(clients);
  const createContext = createContextFactory({
    regions: createRegionPolicy({ defaultRegion: config.region, allowedRegions: config.allowedRegions }),
    cloudControl,
    maxConcurrency: config.maxConcurrency,
    wait: { timeoutMs: config.waitTimeoutMs, minDelayMs: config.waitPollMinDelayMs, maxDelayMs: config.waitPollMaxDelayMs },
  });
  const ide = ideSetup(options, logger);
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(options.schemaDirectory),
    resolvers,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Passed explicitly so Apollo does not read NODE_ENV itself. (It still reads APOLLO_KEY and
    // APOLLO_GRAPH_REF from the environment, as documented: usage reporting is opt-in that way.)
    nodeEnv: config.nodeEnv,
    logger: { debug: () => {}, info: (message) => logger.info(String(message)), warn: (message) => logger.warn(String(message)), error: (message) => logger.error(String(message)) },
    plugins: [ide.landingPage],
  });
  return {
    apollo,
    createContext,
    httpRoutes: [...ide.routes],
    start: () => apollo.start(),
    async stop() {
      await apollo.stop();
      clients.destroy();
    },
  };
}
