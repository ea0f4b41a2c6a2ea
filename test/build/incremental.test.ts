// scripts/build.mjs, the build `npm run demo` and `npm start` run, on a small project of its own in a
// temporary folder (the real compiler through the repository's node_modules; an IDE recipe that only
// records that it ran): a second build compiles nothing and skips the IDE, a deleted source leaves no
// output behind, an edit is compiled, a changed IDE input rebuilds the IDE, a type error fails every
// build until it is fixed, --clean builds from nothing, and a folder tsconfig.json excludes is left
// to its own build step.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";

/** The repository root, from dist/test/build/ (compiled) or test/build/ (source). */
const root = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../../" : "../../", import.meta.url));

/** An IDE recipe that counts its runs and records one input, as build-ide.mjs records esbuild's. */
const IDE_RECIPE = `import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
mkdirSync("dist/ide", { recursive: true });
writeFileSync("dist/ide/manifest.json", "{}");
writeFileSync("dist/ide-inputs.json", JSON.stringify(["ide/main.ts"]));
appendFileSync("ide-runs", "x");
`;

const TSCONFIG = {
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", outDir: "dist", rootDir: ".", incremental: true, strict: true, types: [] },
  include: ["src/**/*.ts", "test/**/*.ts", "bench/**/*.ts"],
};

describe("scripts/build.mjs", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "build-"));
  const at = (path: string) => join(dir, path);
  const build = (...args: string[]) => spawnSync(process.execPath, [at("scripts/build.mjs"), ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  const ideRuns = () => (existsSync(at("ide-runs")) ? readFileSync(at("ide-runs"), "utf8").length : 0);
  const stampTime = () => statSync(at("dist/compiled.stamp")).mtimeMs;
  /** Dates a file in the past, so a later write is newer than any build. */
  const age = (path: string) => utimesSync(at(path), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

  before(() => {
    for (const folder of ["scripts", "src", "ide"]) mkdirSync(at(folder));
    writeFileSync(at("scripts/build.mjs"), readFileSync(join(root, "scripts/build.mjs")));
    writeFileSync(at("scripts/build-ide.mjs"), IDE_RECIPE);
    writeFileSync(at("package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(at("tsconfig.json"), JSON.stringify(TSCONFIG));
    writeFileSync(at("ide/main.ts"), "export {};\n");
    writeFileSync(at("src/a.ts"), 'export const a = "first";\n');
    writeFileSync(at("src/b.ts"), "export const b = 2;\n");
    symlinkSync(join(root, "node_modules"), at("node_modules"));
    for (const path of ["scripts/build.mjs", "scripts/build-ide.mjs", "package.json", "tsconfig.json", "ide/main.ts", "src/a.ts", "src/b.ts"]) age(path);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("builds the sources and the IDE the first time", () => {
    const first = build();
    assert.equal(first.status, 0, first.stderr + first.stdout);
    assert.ok(existsSync(at("dist/src/a.js")) && existsSync(at("dist/src/b.js")));
    assert.equal(ideRuns(), 1);
  });

  it("compiles nothing and skips the IDE when nothing changed", () => {
    const stamp = stampTime();
    const again = build();
    assert.equal(again.status, 0, again.stderr);
    assert.equal(stampTime(), stamp, "the compiler did not run");
    assert.equal(ideRuns(), 1, "the IDE was not rebuilt");
  });

  it("removes the outputs of a deleted source, and compiles an edited one", () => {
    rmSync(at("src/b.ts"));
    writeFileSync(at("src/a.ts"), 'export const a = "second";\n');
    const next = build();
    assert.equal(next.status, 0, next.stderr + next.stdout);
    assert.equal(existsSync(at("dist/src/b.js")) || existsSync(at("dist/src/b.js.map")), false);
    assert.match(readFileSync(at("dist/src/a.js"), "utf8"), /second/);
    assert.equal(ideRuns(), 1);
  });

  it("compiles a source whose output went missing", () => {
    rmSync(at("dist/src/a.js"));
    const next = build();
    assert.equal(next.status, 0, next.stderr + next.stdout);
    assert.match(readFileSync(at("dist/src/a.js"), "utf8"), /second/);
  });

  it("rebuilds the IDE when one of its inputs changed", () => {
    writeFileSync(at("ide/main.ts"), "export const changed = true;\n");
    assert.equal(build().status, 0);
    assert.equal(ideRuns(), 2);
  });

  it("fails on a type error, every time until it is fixed", () => {
    writeFileSync(at("src/bad.ts"), 'export const bad: number = "text";\n');
    const failed = build();
    assert.notEqual(failed.status, 0);
    assert.match(failed.stdout + failed.stderr, /TS2322/);
    assert.notEqual(build().status, 0, "a second build does not trust the failed one");
    rmSync(at("src/bad.ts"));
    const fixed = build();
    assert.equal(fixed.status, 0, fixed.stderr + fixed.stdout);
    assert.equal(existsSync(at("dist/src/bad.js")), false);
  });

  it("--clean builds from nothing", () => {
    writeFileSync(at("dist/src/stray.js"), "");
    const clean = build("--clean");
    assert.equal(clean.status, 0, clean.stderr + clean.stdout);
    assert.equal(existsSync(at("dist/src/stray.js")), false);
    assert.ok(existsSync(at("dist/src/a.js")));
    assert.equal(ideRuns(), 3);
  });

  it("leaves out a folder tsconfig.json excludes (built by a step of its own): its missing outputs force no compile, its outputs stay", () => {
    mkdirSync(at("test/own"), { recursive: true });
    writeFileSync(at("test/own/x.ts"), "export const own = 1;\n");
    writeFileSync(at("tsconfig.json"), JSON.stringify({ ...TSCONFIG, exclude: ["test/own"] }));
    const first = build();
    assert.equal(first.status, 0, first.stderr + first.stdout);
    assert.equal(existsSync(at("dist/test/own/x.js")), false, "tsc left it out");
    const stamp = stampTime();
    assert.equal(build().status, 0);
    assert.equal(stampTime(), stamp, "the compiler did not run for the excluded folder's missing output");
    mkdirSync(at("dist/test/own"), { recursive: true });
    writeFileSync(at("dist/test/own/x.js"), "export const own = 1;\n");
    assert.equal(build().status, 0);
    assert.ok(existsSync(at("dist/test/own/x.js")), "the output of its own step stays: its source exists");
  });
});
