// What the benchmarks run on loopback: the emulator, the gateway as `npm start` builds it, and the
// comparison server of the batching and graph benchmarks (the same SDL with naive resolvers and no
// DataLoader). The overhead benchmark's servers run as processes of their own (overhead.ts).
import { ApolloServer } from "@apollo/server";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isAwsRegion } from "../src/cloudcontrol/awsRegions.js";
import type { CloudControlFacade, ResourcePage } from "../src/cloudcontrol/facade.js";
import { createCloudControlClients, createCloudControlFacade } from "../src/cloudcontrol/index.js";
import type { ConfigOverrides, ResolvedGatewayConfig } from "../src/config.js";
import { loadConfig, withConfig, withDefaultRegion } from "../src/config.js";
import type { GatewayContext } from "../src/context.js";
import type { SeedDocument, SeedResource } from "../src/emulator/index.js";
import type { GatewayLogger } from "../src/errors.js";
import { ErrorCode, GatewayError } from "../src/errors.js";
import { HeaderMap } from "@apollo/server";
import { createRegionPolicy } from "../src/cloudcontrol/region.js";
import { startHttpServer } from "../src/http/index.js";
import type { RunningHttpServer } from "../src/http/index.js";
import { resolvers } from "../src/resolvers/index.js";
import type { Identity, ResourceModel, ResourceTypeDescriptor } from "../src/resourceTypes/index.js";
import { apiType, routeResponseType, routeType } from "../src/resourceTypes/index.js";
import { modelType } from "../src/resourceTypes/model.js";
import type { ResponseModelParent } from "../src/routeResponses/index.js";
import { checkRouteResponseIdentity, formatRouteResponseIdentifier, parentOfModel, responseModelsOf } from "../src/routeResponses/index.js";
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

/** The WebSocket API of the graph benchmark. */
export const GRAPH_API = "graphapi01";

/** The name of the i-th model (1-based) of the graph benchmark's API. */
export const graphModelName = (index: number): string => `Model${index}`;

/**
 * One WebSocket API as API Gateway would hold it: `routes` two-way routes (route keys action1,
 * action2, ...), each with its one `$default` route response naming a model for application/json,
 * and `models` models, route i naming model ((i - 1) mod models) + 1. No lenient option: every
 * resource is one AWS could hold.
 */
export function graphSeed(routes: number, models: number): SeedDocument {
  const resources: SeedResource[] = [
    { typeName: "AWS::ApiGatewayV2::Api", properties: { ApiId: GRAPH_API, Name: "graph", ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" } },
  ];
  for (let index = 1; index <= models; index += 1) {
    resources.push({
      typeName: "AWS::ApiGatewayV2::Model",
      properties: { ApiId: GRAPH_API, ModelId: `gm${String(index).padStart(5, "0")}`, Name: graphModelName(index), ContentType: "application/json", Schema: { type: "object", title: graphModelName(index) } },
    });
  }
  for (let index = 1; index <= routes; index += 1) {
    const routeId = `grt${String(index).padStart(5, "0")}`;
    resources.push(
      { typeName: "AWS::ApiGatewayV2::Route", properties: { ApiId: GRAPH_API, RouteId: routeId, RouteKey: `action${index}`, RouteResponseSelectionExpression: "$default" } },
      {
        typeName: "AWS::ApiGatewayV2::RouteResponse",
        properties: { ApiId: GRAPH_API, RouteId: routeId, RouteResponseId: responseIdAt(index), RouteResponseKey: "$default", ResponseModels: { "application/json": graphModelName(((index - 1) % models) + 1) } },
      },
    );
  }
  return { resources };
}

/** The emulator of the graph benchmark, faithful to API Gateway (one `$default` route response per route), `pageSize` items per ListResources page. */
export async function startGraphEmulator(routes: number, models: number, pageSize: number): Promise<BenchEmulator> {
  return startEmulatorProcess(graphSeed(routes, models), ["--list-page-size", String(pageSize)]);
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
 * A resolver's parent in the naive server: an identity, with the model when a root field read it;
 * otherwise read again by every field that needs more.
 */
type NaiveParent = Identity & { region: string; identifier: string; model?: ResourceModel };

/**
 * Resolvers that call Cloud Control once per field, as a schema written without loaders would: a root
 * field reads its object, every field of a listed object reads it again (GetResource), every relation
 * lists again (ListResources), and a model is found by name by listing the API's models and reading
 * each. No DataLoader, no deduplication.
 */
function naiveResolvers(cloudControl: CloudControlFacade) {
  async function propertiesOf<I extends Identity>(type: ResourceTypeDescriptor<I>, parent: NaiveParent): Promise<Record<string, unknown>> {
    if (parent.model !== undefined) return parent.model.properties;
    const model = await cloudControl.getResource(type, parent.region, parent.identifier);
    if (model === null) throw new GatewayError(ErrorCode.NOT_FOUND, `${parent.identifier} no longer exists.`);
    return model.properties;
  }
  const text =
    <I extends Identity>(type: ResourceTypeDescriptor<I>, property: string) =>
    async (parent: NaiveParent): Promise<string | null> => {
      const value = (await propertiesOf(type, parent))[property];
      return typeof value === "string" && value !== "" ? value : null;
    };
  /** The first `first` items of a listing, page after page. */
  async function listed<I extends Identity>(type: ResourceTypeDescriptor<I>, region: string, parent: Identity, first: number): Promise<NaiveParent[]> {
    const items: NaiveParent[] = [];
    let token: string | null = null;
    do {
      const page: ResourcePage<I> = await cloudControl.listResources(type, region, type.listParentOf(parent), token);
      items.push(...page.items);
      token = page.nextToken;
    } while (token !== null && items.length < first);
    return items.slice(0, first);
  }
  const connection = <T>(nodes: T[]) => ({ nodes, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
  return {
    Query: {
      routeResponse: async (_parent: unknown, args: Parameters<typeof checkRouteResponseIdentity>[0] & { region?: string | null }, context: GatewayContext) => {
        const identity = checkRouteResponseIdentity(args);
        const model = await cloudControl.getResource(routeResponseType, context.regions.resolve(args.region), formatRouteResponseIdentifier(identity));
        return model === null ? null : parentOfModel(model);
      },
      api: async (_parent: unknown, args: { apiId: string; region?: string | null }, context: GatewayContext) => {
        const model = await cloudControl.getResource(apiType, context.regions.resolve(args.region), apiType.formatIdentifier(apiType.checkIdentity({ apiId: args.apiId })));
        return model === null ? null : parentOfModel(model);
      },
    },
    Api: {
      name: text(apiType, "Name"),
      routes: async (parent: NaiveParent, args: { first?: number | null }) => connection(await listed(routeType, parent.region, parent, args.first ?? 25)),
      models: async (parent: NaiveParent, args: { first?: number | null }) => connection(await listed(modelType, parent.region, parent, args.first ?? 25)),
    },
    Route: {
      routeKey: text(routeType, "RouteKey"),
      twoWay: async (parent: NaiveParent) => (await text(routeType, "RouteResponseSelectionExpression")(parent)) !== null,
      // The route's one route response (API Gateway allows only `$default`).
      routeResponse: async (parent: NaiveParent) => (await listed(routeResponseType, parent.region, parent, 1))[0] ?? null,
    },
    RouteResponse: {
      routeResponseKey: text(routeResponseType, "RouteResponseKey"),
      responseModels: async (parent: NaiveParent) =>
        responseModelsOf(await propertiesOf(routeResponseType, parent)).map((entry) => ({ ...entry, region: parent.region, apiId: parent.apiId })),
    },
    ResponseModel: {
      model: async (parent: ResponseModelParent) => {
        const models = await listed(modelType, parent.region, { apiId: parent.apiId }, Number.POSITIVE_INFINITY);
        const names = await Promise.all(models.map((model) => text(modelType, "Name")(model)));
        return models[names.indexOf(parent.modelName)] ?? null;
      },
    },
    Model: {
      name: text(modelType, "Name"),
      contentType: text(modelType, "ContentType"),
      schema: async (parent: NaiveParent) => (await propertiesOf(modelType, parent)).Schema ?? null,
    },
  };
}

/**
 * The same SDL, with the fields the benchmarks select resolved the naive way (`naiveResolvers`): no
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
  const naive = naiveResolvers(cloudControl);
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(),
    resolvers: {
      ...resolvers,
      Query: { ...resolvers.Query, ...naive.Query },
      Api: { ...resolvers.Api, ...naive.Api },
      Route: { ...resolvers.Route, ...naive.Route },
      RouteResponse: { ...resolvers.RouteResponse, ...naive.RouteResponse },
      ResponseModel: { ...resolvers.ResponseModel, ...naive.ResponseModel },
      Model: { ...resolvers.Model, ...naive.Model },
    } as unknown as typeof resolvers,
  });
  await apollo.start();
  // Only `regions` is read: the naive resolvers call the SDK facade themselves.
  return serveEndpoint(apollo, async () => ({ regions }) as unknown as GatewayContext, async () => {
    await apollo.stop();
    clients.destroy();
  });
}


export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

export async function post(url: string, query: string): Promise<GraphQLResult> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await response.json()) as GraphQLResult;
}
