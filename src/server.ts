// The composition root, free of transport types: builds the SDK clients, the Cloud Control facade,
// the context factory, the operation pipeline and the Apollo server. Doors (src/http/ for node:http
// and WebSocket, src/lambda.ts for Lambda events) take `apollo` and `pipeline` from here and never
// build either themselves.
import { ApolloServer } from "@apollo/server";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { GraphQLSchema } from "graphql";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { authSettingsOf, createAuthenticator } from "./auth/index.js";
import { isAwsRegion } from "./cloudcontrol/awsRegions.js";
import type { StaticCredentials } from "./cloudcontrol/client.js";
import { createCloudControlClients } from "./cloudcontrol/client.js";
import { createRegionPolicy } from "./cloudcontrol/region.js";
import type { CloudControlFacade } from "./cloudcontrol/facade.js";
import { createCloudControlFacade } from "./cloudcontrol/facade.js";
import { createGatewayCache } from "./cache/gatewayCache.js";
import type { ResolvedGatewayConfig } from "./config.js";
import { probeCloudControl } from "./cloudcontrol/probe.js";
import type { GatewayContext } from "./context.js";
import { createContextFactory } from "./context.js";
import { maxWaitPolls } from "./limits/index.js";
import { cloudControlMetricsObserver, createLogger, createMetrics } from "./observability/index.js";
import type { Logger, Metrics } from "./observability/index.js";
import type { OperationPipeline } from "./pipeline/index.js";
import { createCrossSiteCheck, createHostCheck, createOperationPipeline, pipelinePlugin } from "./pipeline/index.js";
import { withRootFieldScopes } from "./plugins/index.js";
import type { GatewayLogger } from "./errors.js";
import { createErrorFormatter } from "./errors.js";
import { createOriginMatcher, createPersistedQueryStore, graphqlResponseCachingPlugin, parseOriginPattern } from "./frontends/index.js";
import { createReplicaSharing } from "./replicas/index.js";
import { graphCost, resolvers } from "./resolvers/index.js";
import { createShutdown } from "./shutdown.js";
import { defaultIdeAssetsDir, exampleCredentialsFor, routeResponseExamples } from "./ide/index.js";
import type { IdeExample, RouteResponseExampleIds } from "./ide/index.js";

export interface GatewayOptions {
  config: ResolvedGatewayConfig;
  /** Fixed credentials (demo, tests); by default the SDK's chain. */
  credentials?: StaticCredentials;
  /** Replaces the AWS-backed facade (tests that need failures Cloud Control cannot produce). */
  cloudControl?: CloudControlFacade;
  /**
   * Whether ListResources answers full models (see CloudControlFacadeOptions.listedModelsComplete):
   * listed items then answer their fields without GetResource. Default false, as AWS promises.
   */
  listedModelsComplete?: boolean;
  logger?: GatewayLogger;
  /** The folder of the SDL files; by default the repository's `schema/`. */
  schemaDirectory?: string;
  /** Ids the IDE's example operations use (the demo's); placeholders otherwise. */
  exampleIds?: RouteResponseExampleIds;
  /** Structured request logs (pino). None by default: index.ts and the demo log JSON to stdout. */
  log?: Logger;
}

/** What a browser opening the GraphQL path gets (IDE). */
export type IdeSetup = { kind: "graphiql" | "playground"; assetsDir: string; examples: IdeExample[] } | { kind: "sandbox" } | { kind: "off" };

export interface Gateway {
  readonly config: ResolvedGatewayConfig;
  readonly apollo: ApolloServer<GatewayContext>;
  /** Every door's way in: authentication, limits, validation, scopes, logging, formatting. */
  readonly pipeline: OperationPipeline;
  /** Whether a page of this origin may call the gateway (CORS_ORIGINS). */
  readonly isOriginAllowed: (origin: string) => boolean;
  readonly ide: IdeSetup;
  readonly metrics: Metrics;
  readonly log: Logger;
  /** For logs of the doors' own failures. */
  readonly logger: GatewayLogger;
  /** What /readyz reports besides the configuration: credentials and Cloud Control, "ok" or a short reason. */
  readinessChecks(): Promise<Record<string, string>>;
  start(): Promise<void>;
  /**
   * Ends every operation's Cloud Control calls now: writes that may have been sent answer
   * WRITE_OUTCOME_UNKNOWN with the clientToken that resumes them, waits answer the request as last
   * seen. Doors call it just before they cut connections; stop() calls it too.
   */
  interruptOperations(): void;
  /** Stops Apollo, the progress pollers and the SDK clients' connections. */
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

/** The browser IDE as configured: GraphiQL or Playground from our own files, Apollo Sandbox from its CDN, or none. */
function ideSetup(options: GatewayOptions, logger: GatewayLogger): { setup: IdeSetup; landingPage: ApolloServerPlugin } {
  const disabled = ApolloServerPluginLandingPageDisabled();
  switch (options.config.server.ide) {
    case "sandbox":
      return { setup: { kind: "sandbox" }, landingPage: ApolloServerPluginLandingPageLocalDefault({ footer: false }) };
    case "off":
      return { setup: { kind: "off" }, landingPage: disabled };
    case "graphiql":
    case "playground": {
      const assetsDir = defaultIdeAssetsDir();
      if (assetsDir === undefined) {
        logger.warn("The IDE is not built (npm run build:ide): /graphql serves no page to browsers.");
        return { setup: { kind: "off" }, landingPage: disabled };
      }
      // The headers pane shows where a credential goes only when one is needed.
      const { auth } = options.config;
      const credentials = exampleCredentialsFor({
        enabled: auth.mode === "on",
        bearerTokens: auth.jwksUrl !== undefined || auth.publicKeyPem !== undefined,
        apiKeys: auth.apiKeys.length > 0,
      });
      const examples = routeResponseExamples(options.exampleIds, credentials);
      return { setup: { kind: options.config.server.ide, assetsDir, examples }, landingPage: disabled };
    }
  }
}

/** CORS_ORIGINS as a matcher (the configuration checked the entries already). */
function originMatcher(entries: readonly string[]): (origin: string) => boolean {
  return createOriginMatcher(
    entries.map((entry) => {
      const pattern = parseOriginPattern(entry);
      if (pattern === null) throw new TypeError(`"${entry}" is not an origin such as https://app.example.com or http://localhost:*.`);
      return pattern;
    }),
  );
}

export function createGateway(options: GatewayOptions): Gateway {
  const { config } = options;
  const { server, cloudControl: aws } = config;
  const logger = options.logger ?? console;
  const log = options.log ?? createLogger({ level: "silent" });
  const metrics = createMetrics();
  const authenticator = createAuthenticator(authSettingsOf(config.auth));
  // With REDIS_URL, replicas share each region's Cloud Control budget and the persisted queries.
  const sharing = createReplicaSharing({ cache: config.cache, replicas: aws.pacing.replicas, logger, metrics });
  const clients = createCloudControlClients({
    endpoint: aws.endpoint,
    credentials: options.credentials,
    maxAttempts: aws.maxAttempts,
    requestTimeoutMs: aws.requestTimeoutMs,
    maxSockets: Math.max(aws.maxConcurrency, aws.pacing.maxInFlight),
    pacing: aws.pacing,
    sharedPacing: sharing.pacing,
    roleArn: aws.roleArn,
    observer: cloudControlMetricsObserver(metrics),
  });
  const cache = createGatewayCache(config.cache, logger);
  const { listedModelsComplete } = options;
  const cloudControl = cache.wrap(options.cloudControl ?? createCloudControlFacade(clients, { listedModelsComplete }));
  const cloudControlFor =
    options.cloudControl === undefined ? (signal: AbortSignal) => cache.wrap(createCloudControlFacade(clients, { signal, listedModelsComplete })) : undefined;
  const { wait } = aws;
  const shutdown = createShutdown();
  const createContext = createContextFactory({
    shutdown: shutdown.signal,
    regions: createRegionPolicy({ defaultRegion: aws.region, allowedRegions: aws.allowedRegions, isKnownRegion: isAwsRegion }),
    cloudControl,
    maxConcurrency: aws.maxConcurrency,
    operationTimeoutMs: aws.operationTimeoutMs,
    cloudControlFor,
    wait,
    onLoaderBatch: (loader, size) => metrics.loaderBatchSize.observe({ loader }, size),
    cachedRouteResponse: (region, identifier) => cache.peek(region, identifier),
  });
  const ide = ideSetup(options, logger);
  const formatError = createErrorFormatter(logger, { maskAwsMessages: server.maskAwsMessages });
  let schema: GraphQLSchema | undefined;
  const isOriginAllowed = originMatcher(server.corsOrigins);
  const pipeline = createOperationPipeline({
    authenticator,
    hostCheck: createHostCheck({ authenticationOff: config.auth.mode === "off", allowedHosts: server.allowedHosts }),
    crossSiteCheck: createCrossSiteCheck({ isOriginAllowed }),
    scopes: config.auth.scopes,
    limits: config.limits,
    cost: { waitPolls: maxWaitPolls(wait), graph: graphCost },
    introspection: server.introspection,
    schema: () => {
      if (schema === undefined) throw new Error("The GraphQL schema is not loaded yet: start the gateway before serving.");
      return schema;
    },
    createContext,
    formatError,
    subscriptions: { perConnection: server.maxSubscriptionsPerConnection, perCaller: server.maxSubscriptionsPerCaller },
    log,
    metrics,
  });
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(options.schemaDirectory),
    resolvers: withRootFieldScopes(resolvers, config.auth.scopes),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: server.introspection,
    // The pipeline validates (src/pipeline/apollo.ts says why Apollo must not do it first).
    dangerouslyDisableValidation: true,
    parseOptions: pipeline.parseOptions,
    // Apollo's default, stated because the limits rely on it: one operation per request (a batch
    // would multiply every limit).
    allowBatchedHttpRequests: false,
    // The pipeline's step 1 prevents CSRF instead (src/pipeline/crossSite.ts): Apollo's refuses
    // every GET without a special header, which breaks clients that query with GET (urql).
    csrfPrevention: false,
    // index.ts owns SIGTERM and SIGINT: it drains HTTP first. Apollo's own handler would stop and
    // re-raise the signal, killing requests in flight and exiting with 143.
    stopOnTerminationSignals: false,
    // Fixed, so Apollo never reads NODE_ENV: everything it would decide from it (introspection, stack
    // traces, the landing page, signal handlers) is set explicitly here, and anything a later version
    // adds falls on the production side. (Apollo still reads APOLLO_KEY and APOLLO_GRAPH_REF from the
    // environment, as documented: usage reporting is opt-in that way.)
    nodeEnv: "production",
    logger: { debug: () => {}, info: (message) => logger.info(String(message)), warn: (message) => logger.warn(String(message)), error: (message) => logger.error(String(message)) },
    plugins: [
      ide.landingPage,
      graphqlResponseCachingPlugin<GatewayContext>(),
      {
        async serverWillStart() {
          return {
            schemaDidLoadOrUpdate({ apiSchema }) {
              schema = apiSchema;
            },
          };
        },
      },
      pipelinePlugin(pipeline),
    ],
    persistedQueries: server.apqCacheMaxBytes === 0 ? false : { cache: sharing.persistedQueries(createPersistedQueryStore(server.apqCacheMaxBytes)) },
  });
  return {
    config,
    apollo,
    pipeline,
    isOriginAllowed,
    ide: ide.setup,
    metrics,
    log,
    logger,
    readinessChecks: async () => ({ ...(await probeCloudControl(clients, aws.region, { logger })) }),
    start: () => apollo.start(),
    interruptOperations: () => shutdown.abort(),
    async stop() {
      shutdown.abort();
      await apollo.stop();
      clients.destroy();
      await cache.close();
      await sharing.close();
    },
  };
}
