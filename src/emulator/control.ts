// `/_emulator/*`: how tests, benchmarks and people change faults and read counters at run time.
// Never part of Cloud Control's surface; the Cloud Control counters do not count these calls.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultSettings, ForcedHandlerFailure, RunningEmulator, SeedDocument } from "./options.js";
import { readBody } from "./protocol.js";

export const CONTROL_PREFIX = "/_emulator/";

type ControlApi = Pick<RunningEmulator, "stats" | "resetStats" | "setFaults" | "failNextWrites" | "advanceClock" | "seed"> & {
  faults(): FaultSettings;
};

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }).end(payload);
}

async function jsonBody<T>(req: IncomingMessage): Promise<T> {
  const body = await readBody(req);
  return JSON.parse(body.length ? body.toString("utf8") : "{}") as T;
}

export async function handleControl(req: IncomingMessage, res: ServerResponse, api: ControlApi): Promise<void> {
  const route = `${req.method ?? "GET"} ${(req.url ?? "").split("?")[0]?.slice(CONTROL_PREFIX.length - 1)}`;
  try {
    switch (route) {
      case "GET /health":
        return send(res, 200, { ok: true });
      case "GET /stats":
        return send(res, 200, api.stats());
      case "POST /stats/reset":
        api.resetStats();
        return send(res, 204);
      case "GET /faults":
        return send(res, 200, api.faults());
      case "PUT /faults":
        api.setFaults(await jsonBody<Partial<FaultSettings>>(req));
        return send(res, 200, api.faults());
      case "POST /fail-next-writes":
        api.failNextWrites(await jsonBody<ForcedHandlerFailure>(req));
        return send(res, 204);
      case "POST /clock": {
        const { advanceSeconds } = await jsonBody<{ advanceSeconds: number }>(req);
        api.advanceClock(advanceSeconds);
        return send(res, 204);
      }
      case "POST /seed":
        api.seed(await jsonBody<SeedDocument>(req));
        return send(res, 204);
      default:
        return send(res, 404, { message: `No control endpoint ${route}. See docs/emulator.md.` });
    }
  } catch (error) {
    send(res, 400, { message: (error as Error).message });
  }
}
