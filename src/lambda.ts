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
//
// Around Apollo's integration, this door does what the node:http door's prelude and body reader do,
// so that a client cannot tell the doors apart by their answers: every answer carries `x-request-id`
// and the security headers; a body over MAX_BODY_BYTES is answered 413 and one that is not JSON 400,
// both BAD_REQUEST as JSON; a request whose Accept asks for a stream (which a Lambda function cannot
// send) is answered as JSON, so a subscription gets STREAMING_TRANSPORT_REQUIRED like a plain POST.
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type { StaticCredentials } from "./cloudcontrol/client.js";
import type { Env } from "./config.js";
import { ConfigError, loadConfig, withDefaultRegion } from "./config.js";
import type { GatewayLogger } from "./errors.js";
import { REQUEST_ID_HEADER, requestIdFrom, securityHeadersFor, streamFramingOf } from "./http/index.js";
import type { Logger } from "./observability/index.js";
import { inRequest } from "./observability/index.js";
import { Refusal, RequestCode } from "./pipeline/index.js";
import type { Gateway } from "./server.js";
import { createGateway } from "./server.js";
import { ErrorCode } from "./errors.js";

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

/** The HTTP door's JSON error answer. */
function errorResult(status: number, code: string, message: string, extensions: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }),
  };
}

/** What the HTTP door refuses about a body before GraphQL sees it: its size (MAX_BODY_BYTES), and a JSON body that does not parse. */
function bodyRefusal(event: APIGatewayProxyEventV2, contentType: string | undefined, maxBodyBytes: number): APIGatewayProxyStructuredResultV2 | undefined {
  if (event.body === undefined || event.body === "") return undefined;
  const body = event.isBase64Encoded ? Buffer.from(event.body, "base64") : Buffer.from(event.body, "utf8");
  if (body.length > maxBodyBytes) return errorResult(413, RequestCode.BAD_REQUEST, `The request body is larger than ${maxBodyBytes} bytes.`);
  if (!/^application\/(.+\+)?json\b/i.test(contentType ?? "")) return undefined;
  try {
    JSON.parse(body.toString("utf8"));
    return undefined;
  } catch {
    return errorResult(400, RequestCode.BAD_REQUEST, "The request body is not valid JSON.");
  }
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
  const { maxBodyBytes } = config.limits;
  const security = { hstsMaxAgeSeconds: config.server.hstsMaxAgeSeconds };
  // The request id of each event, for the context Apollo asks for (the event it gets is this door's copy).
  const requestIds = new WeakMap<APIGatewayProxyEventV2, string>();
  // The integration answers what it throws with a bare 400 and the error's text: nothing of the kind
  // is expected once the body was checked, so it reaches the handler below as an internal error.
  const requestHandler = {
    ...handlers.createAPIGatewayProxyEventV2RequestHandler(),
    toErrorResult(error: unknown): never {
      throw error;
    },
  };
  const lambda = startServerAndCreateLambdaHandler(apollo, requestHandler, {
    // Step 1 of the pipeline on the event's headers, exactly as the HTTP door runs it (a refusal
    // answers with its status: 401, or 403 for a foreign Host).
    context: async ({ event }) => {
      try {
        const caller = await gateway.pipeline.admitCaller({
          headers: headersOf(event),
          door: "lambda",
          method: event.requestContext.http.method,
          requestId: requestIds.get(event) ?? requestIdFrom(event.requestContext.requestId),
          address: event.requestContext.http.sourceIp,
        });
        return gateway.pipeline.createContext(caller);
      } catch (error) {
        if (error instanceof Refusal) throw gateway.pipeline.toGraphQLError(error);
        throw error;
      }
    },
  });
  async function answer(event: APIGatewayProxyEventV2, context: Context, requestId: string): Promise<APIGatewayProxyStructuredResultV2> {
    const headers = headersOf(event);
    const refused = bodyRefusal(event, headers["content-type"], maxBodyBytes);
    if (refused !== undefined) return refused;
    if (streamFramingOf(headers.accept) !== undefined) headers.accept = "application/json";
    const copy: APIGatewayProxyEventV2 = { ...event, headers };
    requestIds.set(copy, requestId);
    try {
      return (await lambda(copy, context, () => {})) as APIGatewayProxyStructuredResultV2;
    } catch (error) {
      gateway.log.error({ err: error, requestId, door: "lambda" }, "Lambda handler failed");
      return errorResult(500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error", { requestId });
    }
  }
  return {
    gateway,
    handler: async (event, context) => {
      const requestId = requestIdFrom(event.requestContext.requestId);
      const result = await inRequest(requestId, () => answer(event, context, requestId));
      const headers: Record<string, string | number | boolean> = {};
      for (const [name, value] of Object.entries(securityHeadersFor(event.requestContext.http.method, headersOf(event).accept, security))) headers[name.toLowerCase()] = value;
      return { ...result, headers: { ...headers, ...result.headers, [REQUEST_ID_HEADER]: requestId } };
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
