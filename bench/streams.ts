// What a live subscription costs the gateway on each transport: many clients follow one request
// that stays IN_PROGRESS, over graphql-ws (one socket each), Server-Sent Events and multipart HTTP
// (one response each). Prints a table; records nothing. Not part of `npm test`.
//
//   npx tsc -p tsconfig.json && node --expose-gc dist/bench/streams.js
//   node --expose-gc dist/bench/streams.js --subscribers 1000
//
// For each transport: how long until every subscriber had its first event (wall time, on loopback,
// with the clients in this same process), the gateway process's heap per open subscription (after
// a forced GC when --expose-gc is given; the clients' share is in it too, so it is an upper bound),
// and the GetResourceRequestStatus calls the followers cost (one poller for all of them).
import { parseArgs } from "node:util";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { loadConfig, withConfig, withDefaultRegion } from "../src/config.js";
import { startEmulator } from "../src/emulator/index.js";
import { startHttpServer } from "../src/http/index.js";
import { createGateway } from "../src/server.js";

const { values: flags } = parseArgs({ options: { subscribers: { type: "string" } } });
const SUBSCRIBERS = Number(flags.subscribers ?? 300);
const CREDENTIALS = { accessKeyId: "AKIDBENCHSTREAMS", secretAccessKey: "bench-streams-secret" };
const PROGRESS = "subscription ($token: String!) { resourceRequestProgress(requestToken: $token) { status done } }";

const emulator = await startEmulator({ host: "127.0.0.1", port: 0, seed: "demo", writeDurationMs: 3_600_000 });
const config = withConfig(withDefaultRegion(loadConfig({ AUTH_MODE: "off", MAX_SUBSCRIPTIONS_PER_CALLER: String(SUBSCRIBERS * 2), MAX_SUBSCRIPTIONS_PER_CONNECTION: "1" }), "us-east-1"), {
  server: { ide: "off" },
  cloudControl: { endpoint: emulator.url, wait: { minDelayMs: 1000, maxDelayMs: 1000 } },
});
const gateway = createGateway({ config, credentials: CREDENTIALS, logger: { info() {}, warn() {}, error() {} } });
const http = await startHttpServer(gateway, { host: "127.0.0.1", port: 0 });

async function startWrite(index: number): Promise<string> {
  const response = await fetch(http.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation ($e: String) { updateRouteResponse(input: { apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", set: { modelSelectionExpression: $e } }) { request { requestToken } } }`,
      variables: { e: `$request.body.bench${index}` },
    }),
  });
  const body = (await response.json()) as { data: { updateRouteResponse: { request: { requestToken: string } } } };
  return body.data.updateRouteResponse.request.requestToken;
}

/** Opens one subscription; resolves at its first event with a function that ends it. */
type Subscriber = (token: string) => Promise<() => void>;

function httpStream(accept: string): Subscriber {
  return async (token) => {
    const abort = new AbortController();
    const response = await fetch(http.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept },
      body: JSON.stringify({ query: PROGRESS, variables: { token } }),
      signal: abort.signal,
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("IN_PROGRESS")) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before its first event");
      text += decoder.decode(value, { stream: true });
    }
    return () => abort.abort();
  };
}

const webSocket: Subscriber = async (token) => {
  const client = createClient({ url: http.graphqlUrl.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
  await new Promise<void>((resolve, reject) => {
    client.subscribe({ query: PROGRESS, variables: { token } }, { next: () => resolve(), error: reject, complete: () => reject(new Error("completed")) });
  });
  return () => void client.dispose();
};

const heapMiB = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const rows: string[][] = [];
let index = 0;
for (const [name, subscribe] of [
  ["graphql-ws (WebSocket)", webSocket],
  ["SSE", httpStream("text/event-stream")],
  ["multipart", httpStream("multipart/mixed;boundary=graphql;subscriptionSpec=1.0")],
] as const) {
  index += 1;
  emulator.advanceClock(3601);
  const token = await startWrite(index);
  const before = heapMiB();
  emulator.resetStats();
  const started = performance.now();
  const ends = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => subscribe(token)));
  const elapsed = performance.now() - started;
  const heapPer = ((heapMiB() - before) * 1024) / SUBSCRIBERS;
  const polls = emulator.stats().operations.GetResourceRequestStatus?.calls ?? 0;
  rows.push([name, String(SUBSCRIBERS), `${elapsed.toFixed(0)} ms`, `${heapPer.toFixed(1)} KiB`, String(polls)]);
  for (const end of ends) end();
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const header = ["transport", "subscribers", "all first events", "heap per subscription", "status polls"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
console.log([line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n"));
if ((globalThis as { gc?: unknown }).gc === undefined) console.log("(run with --expose-gc for heap figures after a collection)");

await http.close();
await emulator.close();
