// The comparison servers of the overhead benchmark, each run as its own process (a process entry:
// it reads argv and the environment):
//   node dist/bench/naiveServer.js naive   the server a user would write instead of the gateway:
//        Apollo Server 5's standalone server, one shared CloudControlClient with the gateway's SDK
//        client settings, one GetResourceCommand per field; CLOUDCONTROL_ENDPOINT names the upstream.
//   node dist/bench/naiveServer.js bare    Apollo Server answering a static field: the floor.
// Each prints "listening on <url>" once it serves.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { CloudControlClient, GetResourceCommand } from "@aws-sdk/client-cloudcontrol";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { loadConfig } from "../src/config.js";

const NAIVE_SDL = `#graphql
  type Query {
    routeResponse(apiId: ID!, routeId: ID!, routeResponseId: ID!): RouteResponse
  }
  type RouteResponse {
    apiId: ID!
    routeId: ID!
    routeResponseId: ID!
    routeResponseKey: String!
    responseModels: [ResponseModel!]!
  }
  type ResponseModel {
    contentType: String!
    modelName: String!
  }
`;

/**
 * The client as src/cloudcontrol/client.ts configures the gateway's (the same defaults, read the same
 * way), without the gateway's middleware: no pacing, no metrics, no deadline.
 */
function naiveClient(endpoint: string): CloudControlClient {
  const { cloudControl } = loadConfig({});
  const agentOptions = { keepAlive: true, maxSockets: Math.max(cloudControl.maxConcurrency, cloudControl.pacing.maxInFlight) };
  return new CloudControlClient({
    region: process.env.AWS_REGION ?? "us-east-1",
    endpoint,
    maxAttempts: cloudControl.maxAttempts,
    retryMode: "standard",
    cacheMiddleware: true,
    requestHandler: {
      requestTimeout: cloudControl.requestTimeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
    },
  });
}

function naiveServer(endpoint: string): ApolloServer {
  const client = naiveClient(endpoint);
  return new ApolloServer({
    typeDefs: NAIVE_SDL,
    resolvers: {
      Query: {
        async routeResponse(_parent: unknown, args: { apiId: string; routeId: string; routeResponseId: string }) {
          const identifier = `${args.apiId}|${args.routeId}|${args.routeResponseId}`;
          const output = await client.send(new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::RouteResponse", Identifier: identifier }));
          const properties = JSON.parse(output.ResourceDescription?.Properties ?? "{}") as Record<string, unknown>;
          const models = (properties.ResponseModels ?? {}) as Record<string, string>;
          return {
            ...args,
            routeResponseKey: properties.RouteResponseKey,
            responseModels: Object.entries(models).map(([contentType, modelName]) => ({ contentType, modelName })),
          };
        },
      },
    },
  });
}

function bareServer(): ApolloServer {
  return new ApolloServer({ typeDefs: "type Query { hello: String! }", resolvers: { Query: { hello: () => "world" } } });
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  const endpoint = process.env.CLOUDCONTROL_ENDPOINT;
  if (kind === "naive" && endpoint === undefined) throw new Error("The naive server needs CLOUDCONTROL_ENDPOINT.");
  if (kind !== "naive" && kind !== "bare") throw new Error('Start it as "naive" or "bare".');
  const server = kind === "naive" ? naiveServer(endpoint as string) : bareServer();
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: 0 } });
  console.log(`listening on ${url}`);
  process.once("SIGTERM", () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
