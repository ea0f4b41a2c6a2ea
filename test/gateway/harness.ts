// Starts the real gateway (node:http on 127.0.0.1, port 0) against an emulator and sends GraphQL over
// HTTP with fetch. Everything started here is closed by node:test's `after` when the file is done.
import { after } from "node:test";
import type { RunningEmulator, SeedDocument, SeedResource } from "../../src/emulator/index.js";
import type { CloudControlFacade } from "../../src/cloudcontrol/facade.js";
import type { ConfigOverrides, ResolvedGatewayConfig } from "../../src/config.js";
import { loadConfig, withConfig, withDefaultRegion } from "../../src/config.js";
import type { GatewayLogger } from "../../src/errors.js";
import { startHttpServer } from "../../src/http/index.js";
import { createGateway } from "../../src/server.js";
import { TEST_CREDENTIALS } from "../support/emulator.js";

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; awsErrorName?: string; awsRequestId?: string; [key: string]: unknown };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are checked by assertions, not types
export type Json = any;

export interface GraphQLResponse<T = Json> {
  status: number;
  data?: T | null;
  errors?: GraphQLError[];
  /** The body as sent, for assertions about what must not leak. */
  text: string;
}

/** Logs into memory: tests stay quiet and can assert what was logged. */
export class RecordingLogger implements GatewayLogger {
  readonly lines: string[] = [];
  readonly errors: unknown[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(message);
  }
  error(message: string, error?: unknown): void {
    this.lines.push(message);
    this.errors.push(error);
  }
}

export interface TestGateway {
  readonly graphqlUrl: string;
  readonly url: string;
  readonly logger: RecordingLogger;
  /** Closes the HTTP server as SIGTERM does (drain, then cut); also done when the file ends. */
  close(): Promise<void>;
  query<T = Json>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export interface TestGatewayOptions {
  /** Settings over the harness's, section by section (`{ cloudControl: { maxAttempts: 3 } }`). */
  config?: ConfigOverrides<ResolvedGatewayConfig>;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  cloudControl?: CloudControlFacade;
  /** How long close() lets requests finish before cutting connections (the server's default otherwise). */
  drainTimeoutMs?: number;
  /** The gateway trusts listings to return full models (with an emulator started with listFullModels). */
  listedModelsComplete?: boolean;
}

/** The emulator in process, or any Cloud Control endpoint (an emulator child process). */
export async function startTestGateway(emulator: Pick<RunningEmulator, "url">, options: TestGatewayOptions = {}): Promise<TestGateway> {
  // Authentication off unless a test's config turns it on (test/security/ does).
  const harness = withConfig(withDefaultRegion(loadConfig({ AUTH_MODE: "off" }), "us-east-1"), {
    server: { port: 0 },
    cloudControl: {
      endpoint: emulator.url,
      // One attempt: each injected AWS error is seen once, and tests do not wait for SDK backoff.
      maxAttempts: 1,
      // Pacing out of the way: tests count calls and batches; test/pacing/ sets the rate it tests.
      pacing: { ratePerSecond: 10_000, burst: 10_000 },
      wait: { timeoutMs: 5000, minDelayMs: 20, maxDelayMs: 100 },
    },
  });
  const config = withConfig(harness, options.config ?? {});
  const logger = new RecordingLogger();
  const gateway = createGateway({
    config,
    credentials: options.credentials ?? TEST_CREDENTIALS,
    logger,
    cloudControl: options.cloudControl,
    listedModelsComplete: options.listedModelsComplete,
  });
  const http = await startHttpServer(gateway, { host: "127.0.0.1", port: 0, drainTimeoutMs: options.drainTimeoutMs });
  after(() => http.close());
  return {
    graphqlUrl: http.graphqlUrl,
    url: http.url,
    logger,
    close: () => http.close(),
    async query<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
      const response = await fetch(http.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { data?: T | null; errors?: GraphQLError[] };
      return { status: response.status, data: body.data, errors: body.errors, text };
    },
  };
}

/** The codes of a response's errors, in order. */
export const codesOf = (response: GraphQLResponse<unknown>): Array<string | undefined> =>
  (response.errors ?? []).map((error) => error.extensions?.code);

/**
 * What an emulator needs to hold `routeWithResponses` with more than one route response: API Gateway
 * allows only `$default` per route, so several under one route need the emulator's leniency.
 */
export const LENIENT_KEYS = { lenientRouteResponseKeys: true } as const;

/**
 * A WebSocket API with one route and `count` route responses `rr00001`, `rr00002`, ... in that order,
 * keyed `key1`, `key2`, ...: a shape only an emulator started with LENIENT_KEYS accepts.
 */
export function routeWithResponses(apiId: string, routeId: string, count: number, region?: string): SeedDocument {
  const at = (resource: SeedResource): SeedResource => (region === undefined ? resource : { ...resource, region });
  const resources: SeedResource[] = [
    at({
      typeName: "AWS::ApiGatewayV2::Api",
      properties: { ApiId: apiId, Name: `api-${apiId}`, ProtocolType: "WEBSOCKET", RouteSelectionExpression: "$request.body.action" },
    }),
    at({ typeName: "AWS::ApiGatewayV2::Route", properties: { ApiId: apiId, RouteId: routeId, RouteKey: `key-${routeId}` } }),
  ];
  for (let index = 1; index <= count; index += 1) {
    resources.push(
      at({
        typeName: "AWS::ApiGatewayV2::RouteResponse",
        properties: {
          ApiId: apiId,
          RouteId: routeId,
          RouteResponseId: responseIdAt(index),
          RouteResponseKey: `key${index}`,
          ResponseModels: { "application/json": `Model${index}` },
        },
      }),
    );
  }
  return { resources };
}

export const responseIdAt = (index: number): string => `rr${String(index).padStart(5, "0")}`;

/** Polls until `check` holds (for requests the emulator finishes in the background). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
