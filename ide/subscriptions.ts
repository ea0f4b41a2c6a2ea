// GraphiQL's fetcher for the gateway: queries and mutations over HTTP, subscriptions over the
// graphql-ws door, both with the headers pane's headers. A browser cannot set headers on a WebSocket,
// so the door reads credentials from connection_init's payload (src/http/webSocket.ts); the headers
// pane is therefore given to graphql-ws as connectionParams, one lazy client per distinct header set
// (a socket authenticates once, when it opens). Placeholder headers are dropped on both ways.
import type { Fetcher, FetcherParams } from "@graphiql/toolkit";
import type { ExecutionResult } from "graphql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { getOperationAST } from "graphql";
import type { Client } from "graphql-ws";
import { createClient } from "graphql-ws";
import { fetchWithoutPlaceholders, withoutPlaceholderHeaders } from "./placeholderHeaders.js";

/** Sockets kept open at most: editing the headers pane makes new sets; the oldest one is closed. */
const MAX_CLIENTS = 4;

export interface IdeFetcherOptions {
  /** The GraphQL URL (HTTP). */
  url: string;
  /** The same path as a ws: or wss: URL. */
  socketUrl: string;
  fetch: typeof fetch;
}

/**
 * Whether graphql-ws should reconnect after `event`. Not after a 4xxx close: the door refused the
 * socket (4401 no or bad credentials, 4403 not allowed to subscribe) and will again, so the refusal
 * is shown at once instead of after graphql-ws's retries (it retries 4403, for one).
 */
function shouldRetry(event: unknown): boolean {
  const code = (event as { code?: unknown } | null)?.code;
  return !(typeof code === "number" && code >= 4400 && code < 4500);
}

/** A graphql-ws close (a CloseEvent, not an Error) as an Error GraphiQL can show. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const close = error as { code?: unknown; reason?: unknown } | null;
  if (typeof close?.code === "number") return new Error(`The gateway closed the subscription's WebSocket: ${close.code} ${String(close.reason ?? "")}`.trim());
  return new Error(String(error));
}

/**
 * The subscription's results. They are JSON from the wire (errors are formatted errors, not
 * GraphQLError instances), which is what GraphiQL shows; its Fetcher type names ExecutionResult.
 */
async function* subscribe(client: Client, params: FetcherParams): AsyncGenerator<ExecutionResult> {
  try {
    for await (const result of client.iterate({ query: params.query, operationName: params.operationName ?? null, variables: params.variables })) {
      yield result as ExecutionResult;
    }
  } catch (error) {
    throw asError(error);
  }
}

export function createIdeFetcher(options: IdeFetcherOptions): Fetcher {
  const http = createGraphiQLFetcher({ url: options.url, fetch: fetchWithoutPlaceholders(options.fetch) });
  /** By header set, least recently used first. */
  const clients = new Map<string, Client>();

  function clientFor(headers: Record<string, string>): Client {
    const key = JSON.stringify(Object.entries(headers).sort(([a], [b]) => a.localeCompare(b)));
    let client = clients.get(key);
    if (client !== undefined) clients.delete(key);
    else client = createClient({ url: options.socketUrl, connectionParams: headers, shouldRetry });
    clients.set(key, client);
    if (clients.size > MAX_CLIENTS) {
      const [oldestKey, oldest] = clients.entries().next().value as [string, Client];
      clients.delete(oldestKey);
      void oldest.dispose();
    }
    return client;
  }

  return (params, opts) => {
    const operation = opts?.documentAST === undefined ? null : getOperationAST(opts.documentAST, params.operationName ?? undefined);
    if (operation?.operation !== "subscription") return http(params, opts);
    const headers = Object.fromEntries(withoutPlaceholderHeaders(opts?.headers as HeadersInit | undefined));
    return subscribe(clientFor(headers), params);
  };
}
