// `npm run bench`: runs the four benchmarks several times, prints the medians as tables and records
// them in bench/README.md. A process entry (like src/index.ts): it may read argv.
//   node dist/bench/run.js [--runs N] [--smoke] [--no-write] [--only batching|fanout|overhead|graph]
//                          [--baseline <another checkout's dist/src/index.js>]  (printed, never recorded)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { resolve } from "node:path";
import type { OverheadRun } from "./overhead.js";
import { overheadRun } from "./overhead.js";
import type { Report, Runs } from "./report.js";
import { machine, merge, render, withResults } from "./report.js";
import { FULL, SMOKE, batching, fanout, graph } from "./scenarios.js";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const smoke = process.argv.includes("--smoke");
  const runs = Number(option("--runs") ?? (smoke ? 1 : 3));
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20)) throw new Error("--runs must be a whole number from 1 to 20.");
  const sizes = smoke ? SMOKE : FULL;
  // One benchmark alone, printed and never recorded (the README holds all four from one run).
  const only = option("--only");
  const benchmarks = { batching, fanout, overhead: overheadRun, graph } as const;
  if (only !== undefined && !(only in benchmarks)) throw new Error(`--only takes one of ${Object.keys(benchmarks).join(", ")}.`);
  const wanted = (name: keyof typeof benchmarks) => only === undefined || only === name;
  const defaults = loadConfig({});
  const baseline = option("--baseline");
  const baselineEntry = baseline === undefined ? undefined : resolve(baseline);
  const all = { batching: {} as Runs, fanout: {} as Runs, overhead: [] as OverheadRun[], graph: {} as Runs };
  for (let run = 1; run <= runs; run += 1) {
    if (wanted("batching")) {
      console.error(`run ${run} of ${runs}: batching`);
      merge(all.batching, await batching(sizes.batching));
    }
    if (wanted("fanout")) {
      console.error(`run ${run} of ${runs}: throttled fan-out`);
      merge(all.fanout, await fanout(sizes.fanout));
    }
    if (wanted("overhead")) {
      console.error(`run ${run} of ${runs}: overhead`);
      all.overhead.push(await overheadRun(sizes.overhead, { baselineEntry }));
    }
    if (wanted("graph")) {
      console.error(`run ${run} of ${runs}: graph`);
      merge(all.graph, await graph(sizes.graph));
    }
  }
  const report: Report = {
    sizes,
    runs,
    concurrency: defaults.cloudControl.maxConcurrency,
    rateLimit: defaults.cloudControl.pacing.ratePerSecond,
    burst: defaults.cloudControl.pacing.burst,
    ...all,
    machine: machine(),
    date: new Date().toISOString().slice(0, 10),
  };
  const results = render(report);
  console.log(results);
  if (!smoke && only === undefined && baseline === undefined && !process.argv.includes("--no-write")) {
    // dist/bench/run.js -> bench/README.md at the repository root.
    const readme = fileURLToPath(new URL("../../bench/README.md", import.meta.url));
    writeFileSync(readme, withResults(readFileSync(readme, "utf8"), results));
    console.error(`recorded in ${readme}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
