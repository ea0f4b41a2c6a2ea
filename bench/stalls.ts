// `npm run bench:stalls`: how long each hostile request of bench/hostile.ts stalls the gateway's event
// loop, at each door it applies to. The gateway runs as its own process (`node dist/src/index.js
// demo`: auth off, the emulator embedded; then the production entry with API keys, for callers
// without credentials or scope) on a free loopback port. While one attack is in flight, a prober in
// this process asks GET /healthz every 5 ms; the longest a probe waits for its answer is the stall:
// /healthz does nothing, so its wait is the time the gateway's event loop was busy elsewhere.
// Prints a table; nothing asserts. A process entry (like src/index.ts): it may read argv.
//   node dist/bench/stalls.js [--only id,id] [--timeout-ms N] [--no-auth]
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { Agent, get } from "node:http";
import { availableParallelism, cpus } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { DEFAULT_SCOPES, hashApiKey } from "../src/auth/index.js";
import type { Door, ExpectedRefusal, HostileAttack } from "./hostile.js";
import { HOSTILE_ATTACKS, doorsOf, duplicateFields, hostileAttack } from "./hostile.js";
import type { BenchEmulator, Child } from "./processes.js";
import { startEmulatorProcess, tied, watchFor } from "./processes.js";

/** The stall a fixed gateway should stay under, per attack. */
const TARGET_MS = 50;
const PROBE_INTERVAL_MS = 5;
/** After the answer: a major GC of the attack's garbage belongs to the attack. */
const TAIL_MS = 100;
const IDLE_MS = 500;
/** The whole run; cases left when it is spent are listed as skipped. */
const RUN_BUDGET_MS = 180_000;
/** The most of an HTTP answer read: enough for its first error, not the megabytes some attacks earn. */
const READ_LIMIT = 64 * 1024;

/** Who sends the attack: anyone (auth off), nobody with credentials, a key with only the read scope. */
type Caller = "open" | "anonymous" | "read-only";

const CALLERS: Record<Caller, string> = { open: "anyone (auth off)", anonymous: "no credentials (auth on)", "read-only": "read scope only (auth on)" };

/** One attack at one door by one caller, ready to send (bodies serialised before the clock starts). */
interface Case {
  attack: string;
  door: Door;
  caller: Caller;
  /** The JSON body over HTTP, the subscribe message over WebSocket. */
  message: string;
  expected: ExpectedRefusal;
}

interface Row {
  attack: string;
  door: Door | "-";
  caller: string;
  answer: string;
  expected: string;
  answeredMs: number | undefined;
  stallMs: number;
  timedOut: boolean;
}

// --- The gateway process -------------------------------------------------------------------------

const ENTRY = fileURLToPath(new URL("../src/index.js", import.meta.url));

interface GatewayProcess {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  readonly child: Child;
}

/** Starts `node dist/src/index.js ...args` with only `env` (and PATH), logging nothing, on a free loopback port. */
async function startGateway(args: string[], env: Record<string, string>): Promise<GatewayProcess> {
  const child: Child = tied(
    spawn(process.execPath, [ENTRY, ...args], {
      env: { PATH: process.env.PATH ?? "", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "silent", IDE: "off", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  try {
    return { url: await watchFor(child, /GraphQL gateway: (http:\/\/127\.0\.0\.1:\d+)\/graphql/, "the gateway"), child };
  } catch (error) {
    await kill(child);
    throw error;
  }
}

/** SIGKILL: a stalled gateway would run its SIGTERM handler only once the stall is over. */
async function kill(child: Child): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** A gateway configuration: its name in the idle row, how to start it, and the credentials of each caller. */
interface Target {
  name: string;
  start(): Promise<GatewayProcess>;
  /** Headers over HTTP, connectionParams over WebSocket. */
  credentials: Record<Caller, Record<string, string>>;
}

const demoTarget: Target = {
  name: "demo (auth off)",
  start: () => startGateway(["demo"], { EMULATOR_PORT: "0" }),
  credentials: { open: {}, anonymous: {}, "read-only": {} },
};

/** The production entry with two API keys (made here, never printed) against an emulator process. */
function securedTarget(emulator: BenchEmulator): Target {
  const readKey = `rk_${randomBytes(18).toString("base64url")}`;
  const writeKey = `wk_${randomBytes(18).toString("base64url")}`;
  const env = {
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_CLOUDCONTROL: emulator.url,
    AWS_ACCESS_KEY_ID: "AKIDBENCHSTALLS",
    AWS_SECRET_ACCESS_KEY: "bench-stalls-secret",
    AUTH_API_KEYS: JSON.stringify([
      { name: "reader", hash: hashApiKey(readKey), scopes: [DEFAULT_SCOPES.read] },
      { name: "writer", hash: hashApiKey(writeKey), scopes: [DEFAULT_SCOPES.read, DEFAULT_SCOPES.write] },
    ]),
  };
  return {
    name: "auth on (API keys)",
    start: () => startGateway([], env),
    credentials: { open: { "x-api-key": writeKey }, anonymous: {}, "read-only": { "x-api-key": readKey } },
  };
}

// --- The prober ----------------------------------------------------------------------------------

interface Probe {
  start: number;
  end?: number;
}

/** GET /healthz every PROBE_INTERVAL_MS on one kept-alive connection, remembering when each asked and was answered. */
class Prober {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly probes: Probe[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly url: string) {
    this.loop = this.run();
  }

  private probe(): Promise<void> {
    return new Promise((resolve) => {
      const request = get(`${this.url}/healthz`, { agent: this.agent }, (response) => {
        response.resume();
        response.once("end", resolve);
        response.once("error", () => resolve());
      });
      // A killed gateway: the probe ends there, like any other.
      request.once("error", () => resolve());
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      const probe: Probe = { start: performance.now() };
      this.probes.push(probe);
      await this.probe();
      probe.end = performance.now();
      const rest = PROBE_INTERVAL_MS - (probe.end - probe.start);
      if (rest > 0) await sleep(rest);
    }
  }

  /** The longest a probe overlapping [from, to] waited; one still waiting counts until `to`. */
  longestWait(from: number, to: number): number {
    let longest = 0;
    for (const probe of this.probes) {
      const end = probe.end ?? to;
      if (end >= from && probe.start <= to) longest = Math.max(longest, Math.min(end, to) - probe.start);
    }
    return longest;
  }

  /** Resolves once a probe that asked after `time` has its answer (or `timeoutMs` passed). */
  async answeredAfter(time: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!this.probes.some((probe) => probe.start >= time && probe.end !== undefined) && performance.now() < deadline) await sleep(PROBE_INTERVAL_MS);
  }

  /** Forgets probes that ended before `time`. */
  forget(time: number): void {
    const kept = this.probes.filter((probe) => probe.end === undefined || probe.end >= time);
    this.probes.splice(0, this.probes.length, ...kept);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.agent.destroy();
  }
}

// --- The two doors -------------------------------------------------------------------------------

type GraphQLErrors = Array<{ extensions?: Record<string, unknown> }> | undefined;

/** The first error's code, and the limit's measure when the refusal names one (`BAD_USER_INPUT depth=12`); `data` without errors. */
function describeErrors(errors: GraphQLErrors): string {
  if (errors === undefined || errors.length === 0) return "data";
  const extensions = errors[0]?.extensions ?? {};
  const code = typeof extensions.code === "string" ? extensions.code : "no code";
  const measures = Object.entries(extensions).filter(([name, value]) => name !== "limit" && typeof value === "number");
  return [code, ...measures.map(([name, value]) => `${name}=${String(value)}`)].join(" ");
}

/** What an answer says, from its first READ_LIMIT bytes (some answers are megabytes of data). */
function summarise(text: string): string {
  try {
    return describeErrors((JSON.parse(text) as { errors?: GraphQLErrors }).errors);
  } catch {
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
    if (code !== undefined) return code;
    return text.startsWith('{"data"') ? "data (truncated)" : "unreadable";
  }
}

async function readAtMost(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return "";
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
    length += value.byteLength;
  }
  if (length >= limit) await reader.cancel();
  return Buffer.concat(chunks).toString("utf8");
}

/** `400 GRAPHQL_PARSE_FAILED`, `200 data`, ... */
async function overHttp(url: string, message: string, headers: Record<string, string>, signal: AbortSignal): Promise<string> {
  const response = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: message, signal });
  return `${response.status} ${summarise(await readAtMost(response, READ_LIMIT))}`;
}

/**
 * graphql-ws: connection_init, then the prepared subscribe message; the first error, next or close
 * is the answer (`error BAD_USER_INPUT`, `next NOT_FOUND`, `close 4400`).
 */
function overWebSocket(url: string, message: string, connectionParams: Record<string, string>, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
    let finished = false;
    const finish = (answer: string) => {
      if (finished) return;
      finished = true;
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.terminate();
      resolve(answer);
    };
    signal.addEventListener("abort", () => finish("aborted"), { once: true });
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: connectionParams })));
    socket.on("message", (data: Buffer) => {
      const received = JSON.parse(data.toString("utf8")) as { type: string; payload?: unknown };
      switch (received.type) {
        case "connection_ack":
          socket.send(message);
          return;
        case "error":
          finish(`error ${describeErrors(received.payload as GraphQLErrors)}`);
          return;
        case "next":
          finish(`next ${describeErrors((received.payload as { errors?: GraphQLErrors }).errors)}`);
          return;
        case "complete":
          finish("complete");
          return;
      }
    });
    socket.once("close", (code: number) => finish(`close ${code}`));
    socket.once("error", reject);
  });
}

/** A graphql-ws subscribe message around a payload given as JSON text. */
const subscribeMessage = (payload: string) => `{"id":"1","type":"subscribe","payload":${payload}}`;

function prepare(attack: HostileAttack, door: Door, caller: Caller): Case {
  const variant = door === "http" ? attack.http : attack.ws;
  if (variant === undefined) throw new Error(`${attack.id} has no ${door} form.`);
  const message = "body" in variant ? variant.body : subscribeMessage(variant.payload);
  return { attack: attack.id, door, caller, message, expected: variant.expected };
}

/** A subscription document sent over HTTP: the HTTP door parses and validates those too. */
function prepareSubscriptionOverHttp(attack: HostileAttack, caller: Caller): Case {
  if (attack.ws === undefined) throw new Error(`${attack.id} has no subscription form.`);
  return { attack: `${attack.id} (subscription)`, door: "http", caller, message: attack.ws.payload, expected: attack.ws.expected };
}

// --- Running -------------------------------------------------------------------------------------

const describeExpected = (expected: ExpectedRefusal) => (expected.measure === undefined ? expected.code : `${expected.code} (${expected.measure})`);

/** The refusal a caller gets once the gateway is fixed: credentials and scope come before any limit. */
function expectedFor(item: Case): ExpectedRefusal {
  if (item.caller === "anonymous") return { code: "UNAUTHENTICATED" };
  if (item.caller === "read-only") return { code: "FORBIDDEN" };
  return item.expected;
}

class Session {
  private gateway: GatewayProcess | undefined;
  private prober: Prober | undefined;

  constructor(
    private readonly target: Target,
    private readonly timeoutMs: number,
  ) {}

  private async ready(): Promise<{ gateway: GatewayProcess; prober: Prober }> {
    if (this.gateway === undefined || this.prober === undefined) {
      this.gateway = await this.target.start();
      this.prober = new Prober(this.gateway.url);
      await this.warm(this.gateway);
    }
    return { gateway: this.gateway, prober: this.prober };
  }

  /** The first requests of a process compile code and open connections: not the attack's doing. */
  private async warm(gateway: GatewayProcess): Promise<void> {
    const credentials = this.target.credentials.open;
    const small = duplicateFields("query", 2);
    for (let i = 0; i < 3; i += 1) {
      const signal = AbortSignal.timeout(this.timeoutMs);
      await overHttp(gateway.url, JSON.stringify({ query: small }), credentials, signal);
      await overWebSocket(gateway.url, subscribeMessage(JSON.stringify({ query: duplicateFields("subscription", 2) })), credentials, signal);
    }
  }

  /** How much the event loop stalls with nothing to do: this machine's floor. */
  async idle(): Promise<Row> {
    const { prober } = await this.ready();
    const from = performance.now();
    await sleep(IDLE_MS);
    const stallMs = prober.longestWait(from, performance.now());
    return { attack: `(none: idle ${IDLE_MS} ms)`, door: "-", caller: this.target.name, answer: "-", expected: "-", answeredMs: undefined, stallMs, timedOut: false };
  }

  async run(item: Case): Promise<Row> {
    const { gateway, prober } = await this.ready();
    const headers = this.target.credentials[item.caller];
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const from = performance.now();
    let answer: string;
    try {
      answer = item.door === "http" ? await overHttp(gateway.url, item.message, headers, controller.signal) : await overWebSocket(gateway.url, item.message, headers, controller.signal);
    } catch (error) {
      answer = controller.signal.aborted ? "aborted" : `failed: ${(error as Error).message}`;
    } finally {
      clearTimeout(timer);
    }
    const answered = performance.now();
    const timedOut = controller.signal.aborted;
    let stallMs: number;
    if (timedOut) {
      // Still stalled: the probe in flight has waited since the attack began. Start afresh.
      stallMs = prober.longestWait(from, performance.now());
      await this.close();
    } else {
      await sleep(TAIL_MS);
      await prober.answeredAfter(performance.now(), this.timeoutMs);
      stallMs = prober.longestWait(from, performance.now());
      prober.forget(from);
    }
    return {
      attack: item.attack,
      door: item.door,
      caller: CALLERS[item.caller],
      answer: timedOut ? `no answer in ${this.timeoutMs / 1000} s` : answer,
      expected: describeExpected(expectedFor(item)),
      answeredMs: timedOut ? undefined : answered - from,
      stallMs,
      timedOut,
    };
  }

  async close(): Promise<void> {
    // The gateway first: a probe waiting on a stalled gateway ends only when its connection does.
    if (this.gateway !== undefined) await kill(this.gateway.child);
    await this.prober?.stop();
    this.gateway = undefined;
    this.prober = undefined;
  }
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function table(rows: readonly Row[]): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  const header = ["attack", "door", "caller", "answer", "expected once fixed", "answered in", "longest stall", `target <= ${TARGET_MS} ms`];
  const lines = rows.map((row) => [
    row.attack,
    row.door,
    row.caller,
    row.answer,
    row.expected,
    row.answeredMs === undefined ? "-" : ms(row.answeredMs),
    row.timedOut ? `>= ${ms(row.stallMs)} (killed)` : ms(row.stallMs),
    row.stallMs <= TARGET_MS ? "met" : "**not met**",
  ]);
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...lines.map((line) => `| ${line.join(" | ")} |`)].join("\n");
}

/** Runs `cases` against one target, within the run's budget; what the budget leaves out is returned as skipped. */
async function runAll(session: Session, cases: readonly Case[], deadline: number, rows: Row[], skipped: string[]): Promise<void> {
  try {
    rows.push(await session.idle());
    for (const item of cases) {
      if (performance.now() > deadline) {
        skipped.push(`${item.attack} over ${item.door} (${CALLERS[item.caller]})`);
        continue;
      }
      console.error(`${item.attack} over ${item.door}, ${CALLERS[item.caller]}`);
      rows.push(await session.run(item));
    }
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const only = option("--only")?.split(",");
  const attacks = only === undefined ? HOSTILE_ATTACKS : only.map(hostileAttack);
  const timeoutMs = Number(option("--timeout-ms") ?? 15_000);
  if (!(Number.isInteger(timeoutMs) && timeoutMs >= 1000 && timeoutMs <= 120_000)) throw new Error("--timeout-ms must be a whole number from 1000 to 120000.");
  const deadline = performance.now() + RUN_BUDGET_MS;
  const rows: Row[] = [];
  const skipped: string[] = [];

  const open = attacks.flatMap((attack) => doorsOf(attack).map((door) => prepare(attack, door, "open")));
  await runAll(new Session(demoTarget, timeoutMs), open, deadline, rows, skipped);

  if (!process.argv.includes("--no-auth")) {
    // The doors with authentication on: a caller without credentials should cost a header check, and
    // one without the scope for subscriptions should be refused before the document is worked on.
    const picked = (id: string) => attacks.find((attack) => attack.id === id);
    const fanout = picked("fragment-fanout-24");
    const duplicates = picked("duplicate-fields-4000");
    const secured: Case[] = [
      ...(fanout === undefined ? [] : [prepare(fanout, "http", "anonymous"), prepare(fanout, "ws", "anonymous")]),
      ...(duplicates === undefined ? [] : [prepare(duplicates, "ws", "anonymous"), prepare(duplicates, "ws", "read-only"), prepareSubscriptionOverHttp(duplicates, "read-only")]),
    ];
    if (secured.length > 0) {
      const emulator = await startEmulatorProcess({ resources: [] });
      try {
        await runAll(new Session(securedTarget(emulator), timeoutMs), secured, deadline, rows, skipped);
      } finally {
        await emulator.close();
      }
    }
  }

  const cpu = cpus()[0]?.model.trim() ?? "unknown";
  console.log(
    `Measured ${new Date().toISOString().slice(0, 10)} on ${availableParallelism()} cores (${cpu}), Node ${process.version}; ` +
      `GET /healthz every ${PROBE_INTERVAL_MS} ms, per-attack timeout ${timeoutMs / 1000} s.\n`,
  );
  console.log(table(rows));
  if (skipped.length > 0) console.log(`\nSkipped (the run's ${RUN_BUDGET_MS / 1000} s were spent): ${skipped.join(", ")}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
