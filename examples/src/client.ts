// A small GraphQL client for the page: typed documents (src/generated/) over fetch, and request
// progress over the gateway's WebSocket subscription, falling back to polling where no WebSocket
// gets through (a proxy that drops upgrades, a Lambda deployment).
import { createClient } from "graphql-ws/client";
import type { RequestProgressFragment, TypedDocumentString } from "./generated/graphql";
import { FollowRequestDocument, RequestStatusDocument } from "./generated/graphql";

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

/** The operation failed as a whole; `errors` are the gateway's, with their codes. */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly GraphQLErrorShape[]) {
    super(errors.map((error) => `${error.extensions?.code ?? "ERROR"}: ${error.message}`).join("; "));
    this.name = "GraphQLRequestError";
  }
}

export interface GatewayClient {
  execute<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult>;
  /**
   * Calls `onProgress` with each state of the request until it is done; resolves with how it
   * followed it. `signal` stops following.
   */
  followRequest(requestToken: string, onProgress: (progress: RequestProgressFragment) => void, signal?: AbortSignal): Promise<"subscription" | "polling">;
  dispose(): void;
}

export interface GatewayClientOptions {
  /** `http(s)://host:port/graphql` */
  endpoint: string;
  /** Sent with every operation, e.g. `{ authorization: "Bearer ..." }` (over WebSocket as connectionParams). */
  headers?: Record<string, string>;
  /** Delay between polls when the subscription is not available. Default 1 s. */
  pollIntervalMs?: number;
}

/** Names the operation in the request, for the gateway's logs and metrics. */
function operationNameOf(document: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1];
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const headers = options.headers ?? {};
  const webSocket = createClient({
    url: options.endpoint.replace(/^http/, "ws"),
    connectionParams: headers,
    lazy: true,
    retryAttempts: 0,
  });

  async function execute<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const response = await fetch(options.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
      body: JSON.stringify({ query: document.toString(), operationName: operationNameOf(document.toString()), variables }),
    });
    const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLErrorShape[] };
    if (body.errors !== undefined && body.errors.length > 0) throw new GraphQLRequestError(body.errors);
    if (body.data === undefined || body.data === null) throw new GraphQLRequestError([{ message: `HTTP ${response.status} without data` }]);
    return body.data;
  }

  /** Resolves true when the subscription ran to its end, false when no WebSocket got through. */
  function subscribe(requestToken: string, onProgress: (progress: RequestProgressFragment) => void, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const unsubscribe = webSocket.subscribe<{ resourceRequestProgress: RequestProgressFragment }>(
        { query: FollowRequestDocument.toString(), variables: { requestToken } },
        {
          next(result) {
            if (result.errors !== undefined && result.errors.length > 0) return reject(new GraphQLRequestError(result.errors));
            if (result.data) onProgress(result.data.resourceRequestProgress);
          },
          // GraphQL errors fail the follow; a socket that failed or dropped means: poll instead.
          error: (error) => (Array.isArray(error) ? reject(new GraphQLRequestError(error as GraphQLErrorShape[])) : resolve(false)),
          complete: () => resolve(true),
        },
      );
      signal?.addEventListener("abort", () => {
        unsubscribe();
        resolve(true);
      });
    });
  }

  async function poll(requestToken: string, onProgress: (progress: RequestProgressFragment) => void, signal?: AbortSignal): Promise<void> {
    let last: string | undefined;
    // Bounded: Cloud Control keeps requests for 7 days, a page need not wait that long.
    for (let attempt = 0; attempt < 600 && signal?.aborted !== true; attempt += 1) {
      const { resourceRequest } = await execute(RequestStatusDocument, { requestToken });
      if (resourceRequest === null) throw new GraphQLRequestError([{ message: `No request ${requestToken}`, extensions: { code: "NOT_FOUND" } }]);
      if (resourceRequest.status !== last) onProgress(resourceRequest);
      last = resourceRequest.status;
      if (resourceRequest.done) return;
      await new Promise((resolve) => setTimeout(resolve, options.pollIntervalMs ?? 1000));
    }
  }

  return {
    execute,
    async followRequest(requestToken, onProgress, signal) {
      if (await subscribe(requestToken, onProgress, signal)) return "subscription";
      await poll(requestToken, onProgress, signal);
      return "polling";
    },
    dispose: () => void webSocket.dispose(),
  };
}
