// What the client tests share: an emulator holding the demo plus one route with several route
// responses (for paging), the real gateway over it, and a fetch that records what each client sent,
// so a test can tell a cache hit from a request.
import type { RunningEmulator } from "../../src/emulator/index.js";
import type { TestGateway, TestGatewayOptions } from "../gateway/harness.js";
import { LENIENT_KEYS, routeWithResponses, startTestGateway } from "../gateway/harness.js";
import { startTestEmulator } from "../support/emulator.js";

/** The route with PAGED_COUNT route responses `rr00001`... keyed `key1`..., for paging through. */
export const PAGED = { apiId: "pageapi001", routeId: "prt0001" } as const;
export const PAGED_COUNT = 5;

export interface ClientTestBed {
  readonly emulator: RunningEmulator;
  readonly gateway: TestGateway;
}

/**
 * The demo and the PAGED route in one emulator (lenient keys: PAGED holds more than API Gateway's
 * one `$default` per route, and tests create more), and the real gateway over it.
 */
export async function startClientTestBed(options: TestGatewayOptions & { writeDurationMs?: number } = {}): Promise<ClientTestBed> {
  const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: "demo", writeDurationMs: options.writeDurationMs });
  emulator.seed(routeWithResponses(PAGED.apiId, PAGED.routeId, PAGED_COUNT));
  const gateway = await startTestGateway(emulator, options);
  return { emulator, gateway };
}

/** One request a client sent: its method, and the GraphQL operation's name (from the URL or the body). */
export interface SentRequest {
  method: string;
  operationName: string | undefined;
}

/** A fetch for a client's options that records each request it passes on to the global fetch. */
export function recordingFetch(): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const fromUrl = new URL(request.url).searchParams.get("operationName");
    const body = request.method === "POST" ? ((await request.clone().json()) as { operationName?: string }) : undefined;
    sent.push({ method: request.method, operationName: fromUrl ?? body?.operationName ?? undefined });
    return fetch(request);
  };
  return { fetch: recording, sent };
}
