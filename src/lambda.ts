// The gateway as an AWS Lambda function behind an API Gateway HTTP API (payload format 2.0), through
// Apollo's Lambda integration. A process entry like index.ts: it reads process.env (Lambda's
// configuration), and nothing below it does. The same createGateway as the HTTP server: same schema,
// authentication, limits, pacing and cache; only the transport differs.
//
// One warm instance serves one request at a time, so its token bucket and concurrency cap pace only
// that instance: with many concurrent instances, cap the function's reserved concurrency (or lower
// CLOUDCONTROL_RATE_LIMIT) so that instances x rate stays under Cloud Control's limit. REDIS_URL shares
// the cache between instances as between replicas. Subscriptions (WebSocket) need a long-lived server:
// the Lambda entry serves queries and mutations (`wait: true` included, within the function's timeout).
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type { StaticCredentials } from "./cloudcontrol/client.js";
import type { Env } from "./config.js";
import { ConfigError, loadConfig } from "./config.js";
import type { GatewayLogger } from "./errors.js";
import type { Gateway } from "./server.js";
import { createGateway } from "./server.js";

export type GatewayLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LambdaGatewayOptions {
  /** The function's environment (process.env in Lambda). */
  env: Env;
  /** Fixed credentials (tests); in Lambda the SDK's chain finds the execution role's. */
  credentials?: StaticCredentials;
  logger?: GatewayLogger;
}

export interface LambdaGateway {
  readonly handler: GatewayLambdaHandler;
  readonly gateway: Gateway;
}

/** API Gateway lower-cases HTTP API header names already; lower-case anyway, as the context expects. */
function headersOf(event: APIGatewayProxyEventV2): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers[name.toLowerCase()] = value;
  return headers;
}

export function createLambdaGateway(options: LambdaGatewayOptions): LambdaGateway {
  const config = loadConfig(options.env);
  // Lambda always sets AWS_REGION to the function's region.
  const region = config.region;
  if (region === undefined) throw new ConfigError(["No AWS region: AWS_REGION must be set (Lambda sets it)."]);
  const gateway = createGateway({ config: { ...config, region }, credentials: options.credentials, logger: options.logger });
  // The integration is CommonJS and types its parameter with @apollo/server's CommonJS declarations;
  // ours is the ESM build of the same version. Same class, two declarations: only the types differ.
  const apollo = gateway.apollo as never;
  const lambda = startServerAndCreateLambdaHandler(apollo, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    // Authenticates the event's headers exactly as the HTTP server does (a refusal answers 401).
    context: async ({ event }) => gateway.createContext({ headers: headersOf(event), requestId: event.requestContext.requestId }),
  });
  return {
    gateway,
    handler: async (event, context) => {
      const result = await lambda(event, context, () => {});
      return result as APIGatewayProxyStructuredResultV2;
    },
  };
}

let instance: LambdaGateway | undefined;

/**
 * The function's handler (`dist/src/lambda.handler`). Built on the first invocation, not at import, so
 * that importing the module (tests, tools) reads no environment; reused by every warm invocation.
 */
export const handler: GatewayLambdaHandler = (event, context) => {
  instance ??= createLambdaGateway({ env: process.env });
  return instance.handler(event, context);
};
