// Medians of several runs, and the tables `npm run bench` prints and records in bench/README.md.
import { availableParallelism, cpus } from "node:os";
import { countCalls, graphPlan, idealScheduleMs } from "./ideal.js";
import type { LoadFigures, OverheadRun } from "./overhead.js";
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
  overhead: OverheadRun[];
  graph: Runs;
  machine: Machine;
  date: string;
}

/** Issue 12's goals for the overhead benchmark and batching. */
export const BATCHING_GOAL = 1.1;
export const OVERHEAD_GOALS = { cpuVsNaive: 1.05, rpsVsNaive: 0.95, cachedVsBare: 0.6, peakRssMb: 150, coldStartVsNaive: 1.15 } as const;

/** The median and the range of several figures: "1066 (1010-1102)". */
function spread(values: readonly number[], digits = 0): string {
  if (values.length === 0) return "-";
  const f = (value: number) => value.toFixed(digits);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values.length === 1 || low === high ? f(median(values)) : `${f(median(values))} (${f(low)}-${f(high)})`;
}

function renderOverhead(o: BenchSizes["overhead"], runs: readonly OverheadRun[]): string {
  const out: string[] = [];
  out.push(
    `\n### 3. Overhead: one route response read per request, against a Cloud Control stand-in answering at once; autocannon ${o.connections} connections, ${o.warmSeconds} s of warm-up then ${o.durationSeconds} s measured\n\n` +
      `Each server is its own process; CPU is its own (\`process.cpuUsage()\` over the measured window) per request answered. Median of ${runs.length} run${runs.length === 1 ? "" : "s"}, range in brackets.\n`,
  );
  const rows: Array<[string, string, (run: OverheadRun) => LoadFigures]> = [
    ["uncached read", "gateway (cache off)", (run) => run.uncached.gateway],
    ["uncached read", "naive: Apollo Server + one CloudControlClient, GetResourceCommand per field", (run) => run.uncached.naive],
    ...(runs.some((run) => run.uncached.baseline !== undefined) ? [["uncached read", "gateway, baseline build (--baseline)", (run: OverheadRun) => run.uncached.baseline as LoadFigures] as [string, string, (run: OverheadRun) => LoadFigures]] : []),
    ["cached read", "gateway (CACHE_TTL_MS=60000)", (run) => run.cached.gateway],
    ["cached read", "bare Apollo Server, static field", (run) => run.cached.bare],
  ];
  out.push(
    table(
      ["case", "server", "req/s", "p50", "p99", "CPU µs/request", "peak RSS", "Cloud Control calls", "failed requests"],
      rows.map(([kind, server, pick]) => {
        const figures = runs.map(pick).filter((f): f is LoadFigures => f !== undefined);
        return [
          kind,
          server,
          spread(figures.map((f) => f.requestsPerSecond)),
          `${median(figures.map((f) => f.p50Ms))} ms`,
          `${median(figures.map((f) => f.p99Ms))} ms`,
          spread(figures.map((f) => f.cpuMicrosPerRequest)),
          `${Math.round(Math.max(...figures.map((f) => f.peakRssMb)))} MB`,
          n(median(figures.map((f) => f.upstreamCalls))),
          String(Math.max(...figures.map((f) => f.failed))),
        ];
      }),
    ),
  );
  // Ratios within each run (the servers measured back to back), then their median: steadier than a ratio of medians.
  const ratios = (pick: (run: OverheadRun) => number) => runs.map(pick);
  const cpu = ratios((run) => run.uncached.gateway.cpuMicrosPerRequest / run.uncached.naive.cpuMicrosPerRequest);
  const rps = ratios((run) => run.uncached.gateway.requestsPerSecond / run.uncached.naive.requestsPerSecond);
  const cached = ratios((run) => run.cached.gateway.requestsPerSecond / run.cached.bare.requestsPerSecond);
  const rss = Math.max(...runs.flatMap((run) => [run.uncached.gateway.peakRssMb, run.cached.gateway.peakRssMb]));
  const coldGateway = runs.flatMap((run) => run.coldStartMs.gateway);
  const coldNaive = runs.flatMap((run) => run.coldStartMs.naive);
  const cold = median(coldGateway) / median(coldNaive);
  const G = OVERHEAD_GOALS;
  out.push(
    `\nCold start, spawn to the first successful answer (${coldGateway.length} spawns each, alternating): gateway ${spread(coldGateway)} ms, naive server ${spread(coldNaive)} ms.\n`,
  );
  out.push(
    table(
      ["goal", "measured", "verdict"],
      [
        [`uncached read: gateway CPU per request at most ${G.cpuVsNaive}x the naive server's`, `${spread(cpu, 2)}x`, verdict(median(cpu) <= G.cpuVsNaive)],
        [`uncached read: gateway req/s at least ${G.rpsVsNaive}x the naive server's`, `${spread(rps, 2)}x`, verdict(median(rps) >= G.rpsVsNaive)],
        [`cached read: gateway req/s at least ${G.cachedVsBare}x bare Apollo's`, `${spread(cached, 2)}x`, verdict(median(cached) >= G.cachedVsBare)],
        [`gateway peak RSS under this load below ${G.peakRssMb} MB`, `${Math.round(rss)} MB (the most of any run)`, verdict(rss < G.peakRssMb)],
        [`cold start at most ${G.coldStartVsNaive}x the naive server's`, `${cold.toFixed(2)}x (medians)`, verdict(cold <= G.coldStartVsNaive)],
      ],
    ),
  );
  return out.join("\n");
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
      `Goal: exactly ${b.distinct} calls, wall time within ${BATCHING_GOAL}x of ceil(${b.distinct} / ${report.concurrency}) * ${b.latencyMs} ms = ${ideal} ms (limit ${Math.round(ideal * BATCHING_GOAL)} ms).\n`,
  );
  out.push(
    table(
      ["server", "GetResource calls", "wall", "x ideal", "failed fields", "goal"],
      Object.entries(report.batching).map(([variant, samples]) => {
        const m = summarise(samples);
        const isGoalRow = variant === "gateway";
        return [variant, n(m.getResource), ms(m.wallMs), (m.wallMs / ideal).toFixed(2), n(m.failedFields), isGoalRow ? verdict(m.getResource === b.distinct && m.wallMs <= ideal * BATCHING_GOAL) : "(comparison)"];
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

  out.push(renderOverhead(sizes.overhead, report.overhead));

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
