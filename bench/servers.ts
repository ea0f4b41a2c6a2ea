// What the benchmarks run on loopback: the emulator, the gateway as `npm start` builds it, and the
// two comparison servers (the same SDL with naive resolvers and no DataLoader; a bare Apollo Server).
import { ApolloServer } from "@apollo/server";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isAwsRegion } from "../src/cloudcontrol/awsRegions.js";
import type { CloudControlFacade } from "../src/cloudcontrol/facade.js";
import { createCloudControlClients, createCloudControlFacade } from "../src/cloudcontrol/index.js";
import type { ConfigOverrides, ResolvedGatewayConfig } from "../src/config.js";
import { loadConfig, withConfig, withDefaultRegion } from "../src/config.js";
import type { GatewayContext } from "../src/context.js";
import type { SeedDocument, SeedResource } from "../src/emulator/index.js";
import type { GatewayLogger } from "../src/errors.js";
import { HeaderMap } from "@apollo/server";
import { createRegionPolicy } from "../src/cloudcontrol/region.js";
import { startHttpServer } from "../src/http/index.js";
import type { RunningHttpServer } from "../src/http/index.js";
import { resolvers } from "../src/resolvers/index.js";
import { routeResponseType } from "../src/resourceTypes/index.js";
import { checkRouteResponseIdentity, formatRouteResponseIdentifier, parentOfModel } from "../src/routeResponses/index.js";
import type { Gateway } from "../src/server.js";
import { createGateway, loadTypeDefs } from "../src/server.js";
import type { BenchEmulator } from "./processes.js";
import { startEmulatorProcess } from "./processes.js";

export const BENCH_REGION = "us-east-1";
export const BENCH_API = "benchapi01";
export const BENCH_ROUTE = "brt0001";
const CREDENTIALS = { accessKeyId: "AKIDBENCHMARK", secretAccessKey: "benchmark-secret" };

/** Benchmarks print figures; the gateway's own logging would only get in the way. */
const quiet: GatewayLogger = { info: () => {}, warn: () => {}, error: (message, error) => console.error(message, error) };

export const responseIdAt = (index: number): string => `rr${String(index).padStart(5, "0")}`;

/**
 * One WebSocket API with one route and `count` route responses rr00001, rr00002, ... keyed key1,
 * key2, ...: more than API Gateway allows on a route (only `$default`), so the bench emulator runs
 * with --lenient-route-response-keys.
 */
export function benchSeed(count: number): SeedDocument {
  const resources: SeedResource[] = [
    { typeName: "AWS::ApiGatewayV2::Api", properties: { ApiId: BENCH_API, Name: "bench", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" } },
    { typeName: "AWS::ApiGatewayV2::Route", properties: { ApiId: BENCH_API, RouteId: BENCH_ROUTE, RouteKey: "bench" } },
  ];
  for (let index = 1; index <= count; index += 1) {
    resources.push({
      typeName: "AWS::ApiGatewayV2::RouteResponse",
      properties: { ApiId: BENCH_API, RouteId: BENCH_ROUTE, RouteResponseId: responseIdAt(index), RouteResponseKey: `key${index}`, ResponseModels: { "application/json": `Model${index}` } },
    });
  }
  return { resources };
}

export async function startBenchEmulator(routeResponses: number): Promise<BenchEmulator> {
  return startEmulatorProcess(benchSeed(routeResponses), ["--lenient-route-response-keys"]);
}

/** The gateway's defaults (as `loadConfig` gives them with an empty environment), against the emulator. */
export function benchConfig(emulator: Pick<BenchEmulator, "url">, overrides: ConfigOverrides<ResolvedGatewayConfig> = {}): ResolvedGatewayConfig {
  // No authentication: the figures are about Cloud Control traffic, not about verifying tokens.
  const bench = withConfig(withDefaultRegion(loadConfig({ AUTH_MODE: "off" }), BENCH_REGION), { server: { port: 0, ide: "off" }, cloudControl: { endpoint: emulator.url } });
  return withConfig(bench, overrides);
}

export interface BenchServer {
  readonly graphqlUrl: string;
  close(): Promise<void>;
}

async function serve(gateway: Gateway): Promise<BenchServer> {
  const http: RunningHttpServer = await startHttpServer(gateway, { host: "127.0.0.1", port: 0 });
  return { graphqlUrl: http.graphqlUrl, close: () => http.close() };
}

export async function startBenchGateway(config: ResolvedGatewayConfig): Promise<BenchServer> {
  return serve(createGateway({ config, credentials: CREDENTIALS, logger: quiet }));
}

/**
 * The same SDL, with `routeResponse` resolved the naive way: each field calls GetResource itself, no
 * DataLoader, no deduplication, no per-request bound. The same SDK clients and pacing as the gateway.
 */
/** Serves one Apollo Server the way its integrations do: the body read whole, one context per request. */
async function serveEndpoint<TContext extends object>(apollo: ApolloServer<TContext>, context: () => Promise<TContext>, stop: () => Promise<void>): Promise<BenchServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const text = Buffer.concat(chunks).toString("utf8");
      const httpGraphQLRequest = { method: req.method ?? "GET", headers, search: "", body: text === "" ? undefined : (JSON.parse(text) as unknown) };
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context }).then(
        (response) => {
          for (const [name, value] of response.headers) res.setHeader(name, value);
          res.statusCode = response.status ?? 200;
          res.end(response.body.kind === "complete" ? response.body.string : "");
        },
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
    },
  };
}

/**
 * The same SDL, with `routeResponse` resolved the naive way: each field calls GetResource itself, no
 * DataLoader, no deduplication, no per-request bound. The same SDK clients and pacing as the gateway.
 */
export async function startNaiveServer(config: ResolvedGatewayConfig): Promise<BenchServer> {
  const aws = config.cloudControl;
  const clients = createCloudControlClients({
    endpoint: aws.endpoint,
    credentials: CREDENTIALS,
    maxAttempts: aws.maxAttempts,
    requestTimeoutMs: aws.requestTimeoutMs,
    maxSockets: Math.max(aws.maxConcurrency, aws.pacing.maxInFlight),
    pacing: aws.pacing,
  });
  const cloudControl: CloudControlFacade = createCloudControlFacade(clients);
  const regions = createRegionPolicy({ defaultRegion: aws.region, allowedRegions: aws.allowedRegions, isKnownRegion: isAwsRegion });
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(),
    resolvers: {
      ...resolvers,
      Query: {
        ...resolvers.Query,
        routeResponse: async (_parent, args, context) => {
          const identity = checkRouteResponseIdentity(args);
          const model = await cloudControl.getResource(routeResponseType, context.regions.resolve(args.region), formatRouteResponseIdentifier(identity));
          return model === null ? null : parentOfModel(model);
        },
      },
    },
  });
  await apollo.start();
  // Only `regions` is read: the naive resolver calls the SDK facade itself.
  return serveEndpoint(apollo, async () => ({ regions }) as unknown as GatewayContext, async () => {
    await apollo.stop();
    clients.destroy();
  });
}

/** A bare Apollo Server answering one static field: the floor of what any Apollo gateway costs. */
export async function startBareApollo(): Promise<BenchServer> {
  const apollo = new ApolloServer({ typeDefs: "type Query { hello: String! }", resolvers: { Query: { hello: () => "world" } } });
  await apollo.start();
  return serveEndpoint(apollo, async () => ({}), () => apollo.stop());
}

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

export async function post(url: string, query: string): Promise<GraphQLResult> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await response.json()) as GraphQLResult;
}
