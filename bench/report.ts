// Medians of several runs, and the tables `npm run bench` prints and records in bench/README.md.
import { availableParallelism, cpus } from "node:os";
import { countCalls, graphPlan, idealScheduleMs } from "./ideal.js";
import type { BenchSizes, Sample } from "./scenarios.js";

export type Runs = Record<string, Sample[]>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median of every figure across runs (failures: the worst run, so one bad run is not hidden). */
export function summarise(samples: readonly Sample[]): Sample {
  const of = (pick: (sample: Sample) => number | undefined) => median(samples.map(pick).filter((value): value is number => value !== undefined));
  return {
    wallMs: of((s) => s.wallMs),
    calls: of((s) => s.calls),
    getResource: of((s) => s.getResource),
    listResources: of((s) => s.listResources),
    throttled: Math.max(...samples.map((s) => s.throttled)),
    failedFields: Math.max(...samples.map((s) => s.failedFields)),
    requestsPerSecond: of((s) => s.requestsPerSecond),
    p50Ms: of((s) => s.p50Ms),
    p99Ms: of((s) => s.p99Ms),
    items: of((s) => s.items),
  };
}

export function merge(into: Runs, run: Record<string, Sample>): Runs {
  for (const [variant, sample] of Object.entries(run)) (into[variant] ??= []).push(sample);
  return into;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "-" : `${Math.round(value)} ms`);
const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
const n = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "-" : String(Math.round(value)));
const verdict = (met: boolean) => (met ? "met" : "**not met**");

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  peakRssMb: number;
}

export function machine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export interface Report {
  sizes: BenchSizes;
  runs: number;
  /** The per-request read concurrency (CLOUDCONTROL_MAX_CONCURRENCY) of the ideal batching time. */
  concurrency: number;
  /** The gateway's default rate (CLOUDCONTROL_RATE_LIMIT) of the ideal fan-out time. */
  rateLimit: number;
  /** The gateway's default burst (CLOUDCONTROL_RATE_BURST) of the ideal paced graph schedule. */
  burst: number;
  batching: Runs;
  fanout: Runs;
  overhead: Runs;
  graph: Runs;
  machine: Machine;
  date: string;
}

export function render(report: Report): string {
  const { sizes } = report;
  const out: string[] = [];
  out.push(
    `Measured ${report.date} on ${report.machine.cores} cores (${report.machine.cpu}), Node ${report.machine.node}; ` +
      `median of ${report.runs} run${report.runs === 1 ? "" : "s"} (failed fields and throttled calls: the worst run). ` +
      `Peak RSS of the process holding the gateway and the comparison servers (the emulator and autocannon run apart): ${report.machine.peakRssMb} MB.`,
  );

  const b = sizes.batching;
  const ideal = Math.ceil(b.distinct / report.concurrency) * b.latencyMs;
  out.push(
    `\n### 1. Batching: ${b.aliases} aliases over ${b.distinct} route responses, ${b.latencyMs} ms per call\n\n` +
      `Goal: exactly ${b.distinct} calls, wall time within 1.2x of ceil(${b.distinct} / ${report.concurrency}) * ${b.latencyMs} ms = ${ideal} ms (limit ${Math.round(ideal * 1.2)} ms).\n`,
  );
  out.push(
    table(
      ["server", "GetResource calls", "wall", "x ideal", "failed fields", "goal"],
      Object.entries(report.batching).map(([variant, samples]) => {
        const m = summarise(samples);
        const isGoalRow = variant === "gateway";
        return [variant, n(m.getResource), ms(m.wallMs), (m.wallMs / ideal).toFixed(2), n(m.failedFields), isGoalRow ? verdict(m.getResource === b.distinct && m.wallMs <= ideal * 1.2) : "(comparison)"];
      }),
    ),
  );

  const f = sizes.fanout;
  const idealFanout = (f.reads / report.rateLimit) * 1000;
  out.push(
    `\n### 2. Throttled fan-out: ${f.reads} distinct reads in ${f.queries} concurrent queries, emulator throttling above ${f.emulatorRateLimit} calls/s, ${f.latencyMs} ms per call\n\n` +
      `Goal: zero failed fields, wall time within 1.2x of ${f.reads} / ${report.rateLimit} per s = ${s(idealFanout)} (limit ${s(idealFanout * 1.2)}; ` +
      `at the emulator's own ${f.emulatorRateLimit}/s the floor is ${s((f.reads / f.emulatorRateLimit) * 1000)}).\n`,
  );
  out.push(
    table(
      ["server", "GetResource calls", "throttled by the emulator", "failed fields", "wall", "goal"],
      Object.entries(report.fanout).map(([variant, samples]) => {
        const m = summarise(samples);
        const isGoalRow = variant.includes("default pacing");
        return [variant, n(m.getResource), n(m.throttled), n(m.failedFields), s(m.wallMs), isGoalRow ? verdict(m.failedFields === 0 && m.wallMs <= idealFanout * 1.2) : "(comparison)"];
      }),
    ),
  );

  const o = sizes.overhead;
  const bare = Object.values(report.overhead)[0];
  const bareRps = bare === undefined ? Number.NaN : summarise(bare).requestsPerSecond ?? Number.NaN;
  out.push(
    `\n### 3. Overhead: one route response per query, emulator at 0 ms, autocannon ${o.connections} connections for ${o.durationSeconds} s each\n`,
  );
  out.push(
    table(
      ["server", "req/s", "p50", "p99", "req/s vs bare Apollo", "GetResource calls", "failed requests"],
      Object.entries(report.overhead).map(([variant, samples]) => {
        const m = summarise(samples);
        return [variant, n(m.requestsPerSecond), ms(m.p50Ms), ms(m.p99Ms), ((m.requestsPerSecond ?? Number.NaN) / bareRps).toFixed(2), n(m.getResource), n(m.failedFields)];
      }),
    ),
  );

  const g = sizes.graph;
  const shape = { routes: g.routes, models: g.models, pageSize: g.pageSize, first: g.routes };
  const plan = graphPlan(shape);
  const idealCalls = countCalls(plan);
  const unpacedIdeal = idealScheduleMs(plan, { concurrency: report.concurrency, latencyMs: g.latencyMs });
  const pacedIdeal = idealScheduleMs(plan, { concurrency: report.concurrency, latencyMs: g.latencyMs, pacing: { ratePerSecond: report.rateLimit, burst: report.burst } });
  const streamed = idealScheduleMs(graphPlan(shape, true), { concurrency: report.concurrency, latencyMs: g.latencyMs });
  out.push(
    `\n### 4. The graph: one query over an API of ${g.routes} two-way routes, their route responses and the ${g.models} models they name, ${g.latencyMs} ms per call\n\n` +
      `Goal: exactly the ideal calls (${idealCalls.getResource} GetResource + ${idealCalls.listResources} ListResources = ${idealCalls.total}), and wall time within 1.2x of the ideal schedule: ` +
      `${ms(unpacedIdeal)} at ${report.concurrency} calls at once (limit ${ms(unpacedIdeal * 1.2)}), ${s(pacedIdeal)} under the default pacing of ${report.rateLimit}/s, burst ${report.burst} (limit ${s(pacedIdeal * 1.2)}). ` +
      `(Were a route's calls to start as soon as the page listing it came back, which no GraphQL server does, the unpaced schedule would be ${ms(streamed)}.)\n`,
  );
  const idealOf: Record<string, number> = { gateway: unpacedIdeal, "gateway, default pacing (25/s)": pacedIdeal };
  out.push(
    table(
      ["server", "GetResource", "ListResources", "calls", "x ideal calls", "wall", "ideal wall", "x ideal wall", "routes with their model", "failed fields", "goal"],
      [
        ["ideal (computed)", n(idealCalls.getResource), n(idealCalls.listResources), n(idealCalls.total), "1.00", "-", ms(unpacedIdeal), "-", n(g.routes), "0", "-"],
        ...Object.entries(report.graph).map(([variant, samples]) => {
          const m = summarise(samples);
          const target = idealOf[variant];
          const goal =
            target === undefined
              ? "(comparison)"
              : verdict(m.getResource === idealCalls.getResource && m.listResources === idealCalls.listResources && m.calls === idealCalls.total && m.wallMs <= target * 1.2 && m.failedFields === 0);
          return [
            variant,
            n(m.getResource),
            n(m.listResources),
            n(m.calls),
            (m.calls / idealCalls.total).toFixed(2),
            ms(m.wallMs),
            target === undefined ? "-" : ms(target),
            target === undefined ? "-" : (m.wallMs / target).toFixed(2),
            n(m.items),
            n(m.failedFields),
            goal,
          ];
        }),
      ],
    ),
  );
  return out.join("\n");
}

export const RESULTS_START = "<!-- bench:results -->";
export const RESULTS_END = "<!-- /bench:results -->";

/** Replaces the recorded figures between the markers, keeping the rest of the README as written. */
export function withResults(readme: string, results: string): string {
  const start = readme.indexOf(RESULTS_START);
  const end = readme.indexOf(RESULTS_END);
  if (start < 0 || end < start) return `${readme.trimEnd()}\n\n${RESULTS_START}\n${results}\n${RESULTS_END}\n`;
  return `${readme.slice(0, start + RESULTS_START.length)}\n${results}\n${readme.slice(end)}`;
}
