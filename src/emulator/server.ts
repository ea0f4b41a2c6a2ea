// The emulator's composition: an HTTP server on loopback that routes control calls to control.ts and
// everything else through the Cloud Control protocol to the operations, one Region per region name.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { CloudControlError } from "./errors.js";
import { CONTROL_PREFIX, handleControl } from "./control.js";
import { Faults, checkFaultSettings } from "./faults.js";
import { validateInput } from "./inputShapes.js";
import { OPERATION_HANDLERS, createPageTokens } from "./operations/index.js";
import type { EmulatorSettings } from "./operations/index.js";
import type { EmulatorOptions, RunningEmulator, SeedDocument } from "./options.js";
import { operationOf, parseInput, readBody, sendError, sendJson } from "./protocol.js";
import { Region } from "./region.js";
import { applySeed, loadSeed } from "./seeds.js";
import { parseAuthorization, verifySigV4 } from "./sigv4.js";

const DEFAULTS = {
  host: "127.0.0.1",
  port: 4566,
  defaultRegion: "us-east-1",
  accountId: "123456789012",
  writeDurationMs: 0,
  listPageSize: 25,
} as const;

function checkOptions(options: EmulatorOptions): void {
  const { port, writeDurationMs, listPageSize, accountId } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new TypeError("port must be a whole number from 0 to 65535.");
  if (writeDurationMs !== undefined && !(Number.isFinite(writeDurationMs) && writeDurationMs >= 0)) {
    throw new TypeError("writeDurationMs must be a number of milliseconds, 0 or more.");
  }
  if (listPageSize !== undefined && !(Number.isInteger(listPageSize) && listPageSize >= 1)) throw new TypeError("listPageSize must be a whole number, 1 or more.");
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new TypeError("accountId must be twelve digits.");
  if (options.faults) checkFaultSettings(options.faults);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkOptions(options);
  const settings: EmulatorSettings = {
    accountId: options.accountId ?? DEFAULTS.accountId,
    writeDurationMs: options.writeDurationMs ?? DEFAULTS.writeDurationMs,
    listPageSize: options.listPageSize ?? DEFAULTS.listPageSize,
    listFullModels: options.listFullModels ?? false,
    lenientRouteResponseKeys: options.lenientRouteResponseKeys ?? false,
    bareNotFound: options.bareNotFound ?? false,
  };
  const defaultRegion = options.defaultRegion ?? DEFAULTS.defaultRegion;
  const secrets = options.strictCredentials
    ? new Map(options.strictCredentials.map((c) => [c.accessKeyId, c.secretAccessKey]))
    : undefined;
  const faults = new Faults(options.faults);
  const pageTokens = createPageTokens();
  const regions = new Map<string, Region>();
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;
  const regionNamed = (name: string) => {
    let region = regions.get(name);
    if (!region) regions.set(name, (region = new Region(name, settings)));
    return region;
  };
  const seed = (doc: SeedDocument) => applySeed(doc, regionNamed, defaultRegion, now());
  if (options.seed !== undefined) seed(loadSeed(options.seed));

  /** The region a request is for: its SigV4 credential scope, else the default region. */
  function regionOf(req: IncomingMessage, body: Buffer): string {
    if (!secrets) return parseAuthorization(req.headers.authorization)?.scope.region ?? defaultRegion;
    const verdict = verifySigV4({ method: req.method ?? "POST", path: req.url ?? "/", headers: req.headers, body }, secrets, Date.now());
    if (verdict.ok) return verdict.region;
    const code = {
      missing: "MissingAuthenticationTokenException",
      "unknown-key": "UnrecognizedClientException",
      "bad-signature": "InvalidSignatureException",
      expired: "InvalidSignatureException",
    }[verdict.reason];
    throw new CloudControlError(code, verdict.message);
  }

  async function serveCloudControl(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    try {
      const body = await readBody(req);
      const operation = operationOf(req);
      const authRegion = (() => {
        try {
          return { region: regionOf(req, body) };
        } catch (error) {
          return { region: defaultRegion, error };
        }
      })();
      const output = await faults.around(operation, authRegion.region, () => {
        if (authRegion.error) throw authRegion.error;
        const input = parseInput(body);
        validateInput(operation, input);
        const region = regionNamed(authRegion.region);
        const at = now();
        region.settle(at);
        return OPERATION_HANDLERS[operation](input, {
          region,
          now: at,
          settings,
          pageTokens,
          takeForcedFailure: () => faults.takeForcedFailure(),
        });
      });
      sendJson(res, 200, requestId, output);
    } catch (error) {
      if (error instanceof CloudControlError) {
        sendError(res, requestId, error);
        return;
      }
      // A bug in the emulator: say so the way AWS says it, and keep the details on the console.
      console.error("emulator: unexpected error", error);
      sendError(res, requestId, new CloudControlError("InternalFailure", "The emulator failed to process the request.", 500));
    }
  }

  const server = createServer((req, res) => {
    const serve = (req.url ?? "").startsWith(CONTROL_PREFIX)
      ? handleControl(req, res, {
          stats: () => faults.stats(),
          resetStats: () => faults.resetStats(),
          faults: () => faults.current(),
          setFaults: (f) => faults.set(f),
          failNextWrites: (f) => faults.failNextWrites(f),
          advanceClock: (s) => advance(s),
          seed,
        })
      : serveCloudControl(req, res);
    serve.catch((error: unknown) => {
      console.error("emulator: failed to answer", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Keep-alive sockets would hold close() open; the SDK reuses connections, so track and end them.
  server.keepAliveTimeout = 5000;

  function advance(seconds: number): void {
    if (!(Number.isFinite(seconds) && seconds >= 0)) throw new TypeError("advanceClock takes a number of seconds, 0 or more.");
    clockOffsetMs += seconds * 1000;
  }

  const host = options.host ?? DEFAULTS.host;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULTS.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    stats: () => faults.stats(),
    resetStats: () => faults.resetStats(),
    setFaults: (f) => faults.set(f),
    failNextWrites: (f) => faults.failNextWrites(f),
    advanceClock: advance,
    seed,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
