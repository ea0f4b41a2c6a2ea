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
import { authSettingsOf, createAuthenticator } from "./auth/index.js";
import type { StaticCredentials } from "./cloudcontrol/client.js";
import { createCloudControlClients } from "./cloudcontrol/client.js";
import { createRegionPolicy } from "./cloudcontrol/region.js";
import type { RouteResponseCloudControl } from "./cloudcontrol/routeResponseApi.js";
import { createRouteResponseCloudControl } from "./cloudcontrol/routeResponseApi.js";
import { createGatewayCache } from "./cache/gatewayCache.js";
import type { GatewayConfig } from "./config.js";
import { probeCloudControl } from "./cloudcontrol/probe.js";
import type { ContextRequest, GatewayContext } from "./context.js";
import { createContextFactory } from "./context.js";
import type { AdmittedRequest } from "./edge/index.js";
import { authenticateHeaders, createAdmission, createPrelude } from "./edge/index.js";
import { maxAliasesRule, maxDepthRule, maxWaitPolls } from "./limits/index.js";
import { cloudControlMetricsObserver, createLogger, createMetrics, healthRoute, metricsRoute, readinessRoute } from "./observability/index.js";
import type { Logger } from "./observability/index.js";
import { operationGuardPlugin, operationLogPlugin, withRootFieldScopes } from "./plugins/index.js";
import type { GatewayLogger } from "./errors.js";
import { createErrorFormatter } from "./errors.js";
import { createFrontendSupport } from "./frontends/index.js";
import type { UpgradeHandler } from "./subscriptions/index.js";
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
  /** Structured request logs (pino). None by default: index.ts and the demo log JSON to stdout. */
  log?: Logger;
}

export interface Gateway {
  readonly apollo: ApolloServer<GatewayContext>;
  /**
   * Makes the context of one GraphQL request (fresh loaders, call budget). Authenticates the
   * request's headers unless it comes with a principal; a refusal is UNAUTHENTICATED with HTTP 401.
   */
  readonly createContext: (request?: ContextRequest) => Promise<GatewayContext>;
  /** For HTTP adapters, before reading the body: the admitted request, or undefined once it answered 401 itself. */
  readonly admit?: (req: IncomingMessage, res: ServerResponse) => Promise<AdmittedRequest | undefined>;
  /** MAX_BODY_BYTES: HTTP adapters answer larger bodies with 413. */
  readonly maxBodyBytes?: number;
  /** Routes served before GraphQL, in order. */
  readonly httpRoutes: readonly HttpRoute[];
  /** Takers of HTTP upgrades (subscriptions over WebSocket on the GraphQL path), in order. */
  readonly upgradeHandlers?: readonly UpgradeHandler[];
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
  const log = options.log ?? createLogger({ level: "silent" });
  const metrics = createMetrics();
  const authenticator = createAuthenticator(authSettingsOf(config.auth));
  const limitRules = [maxDepthRule(config.limits.maxDepth), maxAliasesRule(config.limits.maxAliases)];
  const clients = createCloudControlClients({
    endpoint: config.endpoint,
    credentials: options.credentials,
    maxAttempts: config.maxAttempts,
    retryMode: config.retryMode,
    requestTimeoutMs: config.requestTimeoutMs,
    maxSockets: Math.max(config.maxConcurrency, config.maxInFlight),
    pacing: { ratePerSecond: config.rateLimitPerSecond, burst: config.rateBurst, maxInFlight: config.maxInFlight },
    roleArn: config.roleArn,
    observer: cloudControlMetricsObserver(metrics),
  });
  const cache = createGatewayCache(config, logger);
  const cloudControl = cache.wrap(options.cloudControl ?? createRouteResponseCloudControl(clients));
  const cloudControlFor =
    options.cloudControl === undefined ? (signal: AbortSignal) => cache.wrap(createRouteResponseCloudControl(clients, { signal })) : undefined;
  const createContext = createContextFactory({
    regions: createRegionPolicy({ defaultRegion: config.region, allowedRegions: config.allowedRegions }),
    cloudControl,
    maxConcurrency: config.maxConcurrency,
    operationTimeoutMs: config.operationTimeoutMs,
    cloudControlFor,
    wait: { timeoutMs: config.waitTimeoutMs, minDelayMs: config.waitPollMinDelayMs, maxDelayMs: config.waitPollMaxDelayMs },
    authenticate: (headers) => authenticateHeaders(authenticator, headers),
    maxCloudControlCalls: config.limits.maxCost,
    onLoaderBatch: (loader, size) => metrics.loaderBatchSize.observe({ loader }, size),
  });
  const ide = ideSetup(options, logger);
  const frontends = createFrontendSupport<GatewayContext>({ path: "/graphql", corsOrigins: config.corsOrigins, apqCacheMaxBytes: config.apqCacheMaxBytes, createContext, logger, validationRules: limitRules });
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(options.schemaDirectory),
    resolvers: withRootFieldScopes(resolvers, config.auth.scopes),
    formatError: createErrorFormatter(logger, { maskAwsMessages: config.maskAwsMessages }),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    validationRules: limitRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Both are Apollo's defaults, stated because the limits above rely on them: one operation per
    // request (a batch would multiply every limit), and no simple requests a browser could forge.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // index.ts owns SIGTERM and SIGINT: it drains HTTP first. Apollo's own handler would stop and
    // re-raise the signal, killing requests in flight and exiting with 143.
    stopOnTerminationSignals: false,
    // Passed explicitly so Apollo does not read NODE_ENV itself. (It still reads APOLLO_KEY and
    // APOLLO_GRAPH_REF from the environment, as documented: usage reporting is opt-in that way.)
    nodeEnv: config.nodeEnv,
    logger: { debug: () => {}, info: (message) => logger.info(String(message)), warn: (message) => logger.warn(String(message)), error: (message) => logger.error(String(message)) },
    plugins: [
      ide.landingPage,
      ...frontends.apolloPlugins,
      operationGuardPlugin<GatewayContext>({
        scopes: config.auth.scopes,
        maxDocumentBytes: config.limits.maxDocumentBytes,
        maxStringLength: config.limits.maxStringLength,
        maxCost: config.limits.maxCost,
        cost: { waitPolls: maxWaitPolls({ timeoutMs: config.waitTimeoutMs, minDelayMs: config.waitPollMinDelayMs, maxDelayMs: config.waitPollMaxDelayMs }) },
      }),
      operationLogPlugin<GatewayContext>({ log, metrics }),
    ],
    persistedQueries: frontends.persistedQueries,
  });
  return {
    apollo,
    createContext,
    httpRoutes: [
      createPrelude({ log, metrics, graphqlPath: "/graphql", hstsMaxAgeSeconds: config.hstsMaxAgeSeconds }),
      healthRoute(),
      readinessRoute({ checks: async () => ({ ...(await probeCloudControl(clients, config.region)) }) }),
      ...(config.metrics ? [metricsRoute(metrics.registry)] : []),
      ...ide.routes,
      ...frontends.httpRoutes,
    ],
    admit: createAdmission({ authenticator, apolloLandingPage: config.ide === "sandbox" }),
    maxBodyBytes: config.limits.maxBodyBytes,
    upgradeHandlers: frontends.upgradeHandlers,
    start: () => apollo.start(),
    async stop() {
      await frontends.close();
      await apollo.stop();
      clients.destroy();
      await cache.close();
    },
  };
}
