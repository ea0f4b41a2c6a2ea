// The benchmarks in their tiny "smoke" sizes, so they cannot rot: the same code as `npm run bench`,
// asserting only what does not depend on the machine (Cloud Control calls, failures, items).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { RESULTS_END, RESULTS_START, merge, render, withResults } from "../../bench/report.js";
import type { Runs } from "../../bench/report.js";
import { countCalls, graphPlan } from "../../bench/ideal.js";
import type { OverheadRun } from "../../bench/overhead.js";
import { overheadRun } from "../../bench/overhead.js";
import { SMOKE, batching, fanout, graph } from "../../bench/scenarios.js";

describe("benchmarks (smoke sizes)", () => {
  const all = { batching: {} as Runs, fanout: {} as Runs, overhead: [] as OverheadRun[], graph: {} as Runs };

  it("batching: the gateway makes one call per distinct route response, the naive server one per alias", async () => {
    const run = await batching(SMOKE.batching);
    merge(all.batching, run);
    assert.equal(run.gateway?.getResource, SMOKE.batching.distinct);
    assert.equal(run["naive resolvers, no DataLoader"]?.getResource, SMOKE.batching.aliases);
    for (const sample of Object.values(run)) assert.equal(sample.failedFields, 0);
  });

  it("throttled fan-out: the paced gateway reads everything once, unthrottled", async () => {
    const run = await fanout(SMOKE.fanout);
    merge(all.fanout, run);
    const paced = run["gateway, default pacing (25/s, burst 5)"];
    assert.equal(paced?.getResource, SMOKE.fanout.reads);
    assert.equal(paced?.throttled, 0);
    assert.equal(paced?.failedFields, 0);
  });

  it("overhead: every server answers every request; the cached gateway and the bare server make no Cloud Control call", async () => {
    const run = await overheadRun(SMOKE.overhead);
    all.overhead.push(run);
    const loads = { "uncached gateway": run.uncached.gateway, naive: run.uncached.naive, "cached gateway": run.cached.gateway, bare: run.cached.bare };
    for (const [name, figures] of Object.entries(loads)) {
      assert.equal(figures.failed, 0, name);
      assert.ok(figures.requests > 0 && figures.cpuMicrosPerRequest > 0 && figures.peakRssMb > 0, `${name}: ${JSON.stringify(figures)}`);
    }
    // One GetResource per uncached request (the warm-up's are not counted), none once cached.
    assert.ok(run.uncached.gateway.upstreamCalls >= run.uncached.gateway.requests, JSON.stringify(run.uncached.gateway));
    assert.ok(run.uncached.naive.upstreamCalls >= run.uncached.naive.requests, JSON.stringify(run.uncached.naive));
    assert.equal(run.cached.gateway.upstreamCalls, 0);
    assert.equal(run.cached.bare.upstreamCalls, 0);
    assert.equal(run.coldStartMs.gateway.length, SMOKE.overhead.coldStarts);
    assert.ok(run.coldStartMs.naive.every((ms) => ms > 0));
  });

  it("graph: the gateway makes exactly the ideal calls, paced or not; the naive resolvers make more", async () => {
    const run = await graph(SMOKE.graph);
    merge(all.graph, run);
    const { routes, models, pageSize } = SMOKE.graph;
    const ideal = countCalls(graphPlan({ routes, models, pageSize, first: routes }));
    // 26 routes over pages of 25: two route pages and one model page; the API, 2 models, 26 routes and 26 route responses read.
    assert.deepEqual(ideal, { getResource: 1 + models + 2 * routes, listResources: 2 + 1 + routes, total: 4 + models + 3 * routes });
    for (const variant of ["gateway", "gateway, default pacing (25/s)"]) {
      const sample = run[variant];
      assert.deepEqual([sample?.getResource, sample?.listResources, sample?.calls], [ideal.getResource, ideal.listResources, ideal.total], variant);
    }
    const naive = run["naive resolvers, no DataLoader"];
    assert.ok((naive?.calls ?? 0) > ideal.total, `naive ${naive?.calls}`);
    for (const sample of Object.values(run)) {
      assert.equal(sample.failedFields, 0);
      assert.equal(sample.items, routes);
    }
  });

  it("renders the tables and records them between the README's markers", () => {
    const machine = { cores: 2, cpu: "test", node: process.version, peakRssMb: 1 };
    const text = render({ sizes: SMOKE, runs: 1, concurrency: 10, rateLimit: 25, burst: 5, ...all, machine, date: "2000-01-01" });
    for (const heading of ["### 1. Batching", "### 2. Throttled fan-out", "### 3. Overhead", "### 4. The graph"]) assert.ok(text.includes(heading), heading);
    const readme = `# Benchmarks\n\n${RESULTS_START}\nSTALE-FIGURES\n${RESULTS_END}\nafter\n`;
    const updated = withResults(readme, text);
    assert.ok(updated.includes(text) && !updated.includes("STALE-FIGURES") && updated.endsWith(`${RESULTS_END}\nafter\n`));
  });
});
