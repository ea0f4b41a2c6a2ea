// The Lambda door: the gateway as an AWS Lambda function behind an API Gateway HTTP API (payload
// format 2.0), through Apollo's Lambda integration. A process entry like index.ts: it reads
// process.env (Lambda's configuration), and nothing below it does. The same createGateway and the
// same operation pipeline as the HTTP door: step 1 (Host, credentials) runs when Apollo asks for the
// context, the other steps inside Apollo (src/pipeline/apollo.ts); only the transport differs.
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
import { ConfigError, loadConfig, withDefaultRegion } from "./config.js";
import type { GatewayLogger } from "./errors.js";
import { requestIdFrom } from "./http/index.js";
import type { Logger } from "./observability/index.js";
import { Refusal } from "./pipeline/index.js";
import type { Gateway } from "./server.js";
import { createGateway } from "./server.js";

export type GatewayLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LambdaGatewayOptions {
  /** The function's environment (process.env in Lambda). */
  env: Env;
  /** Fixed credentials (tests); in Lambda the SDK's chain finds the execution role's. */
  credentials?: StaticCredentials;
  logger?: GatewayLogger;
  /** Structured logs (pino); none by default. */
  log?: Logger;
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
  const region = config.cloudControl.region;
  if (region === undefined) throw new ConfigError(["No AWS region: AWS_REGION must be set (Lambda sets it)."]);
  const gateway = createGateway({ config: withDefaultRegion(config, region), credentials: options.credentials, logger: options.logger, log: options.log });
  // The integration is CommonJS and types its parameter with @apollo/server's CommonJS declarations;
  // ours is the ESM build of the same version. Same class, two declarations: only the types differ.
  const apollo = gateway.apollo as never;
  const lambda = startServerAndCreateLambdaHandler(apollo, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    // Step 1 of the pipeline on the event's headers, exactly as the HTTP door runs it (a refusal
    // answers with its status: 401, or 403 for a foreign Host).
    context: async ({ event }) => {
      try {
        const caller = await gateway.pipeline.admitCaller({
          headers: headersOf(event),
          door: "lambda",
          method: event.requestContext.http.method,
          requestId: requestIdFrom(event.requestContext.requestId),
        });
        return gateway.pipeline.createContext(caller);
      } catch (error) {
        if (error instanceof Refusal) throw gateway.pipeline.toGraphQLError(error);
        throw error;
      }
    },
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
