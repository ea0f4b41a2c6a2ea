/* global process, console */
// Builds dist/: the TypeScript (src/, test/, bench/) and the browser IDE's bundle. By default it
// rebuilds only what changed, so a second `npm run demo` or `npm start` starts at once:
//   - TypeScript in build mode (`tsc -b`), recompiling incrementally (tsconfig.json's `incremental`),
//     and not even started when no input is newer than the last compile (dist/compiled.stamp);
//   - outputs whose source is gone (a deleted or renamed .ts) are removed, so no stale module or test
//     lingers in dist/; an output missing for a source forces a full compile;
//   - the IDE bundle (scripts/build-ide.mjs) is rebuilt only when one of the files esbuild read for it
//     last time (dist/ide-inputs.json), or the recipe, is newer than the bundle's manifest.
//   node scripts/build.mjs            only what changed (npm run demo, npm start)
//   node scripts/build.mjs --clean    from nothing: dist/ removed first (npm run build, npm test, CI, Docker)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { URL, fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const buildInfo = join(dist, "tsconfig.tsbuildinfo");
/**
 * Dated when the last successful compile of this script started. Not the build info's own date: a
 * `tsc --noEmit` (npm run typecheck) also writes the build info, without emitting anything.
 */
const compiled = join(dist, "compiled.stamp");
/** The folders tsconfig.json compiles, each to dist/<folder>. */
const SOURCE_FOLDERS = ["src", "test", "bench"];
/**
 * Folders tsconfig.json's `exclude` names (folder paths, no globs): built by a step of their own (the
 * Relay client test, by `npm run build:relay`), so their sources have no output from this build.
 */
const EXCLUDED = (JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8")).exclude ?? []).map((folder) => `${folder.replace(/\/$/, "")}/`);
/** What the IDE bundle depends on besides the files esbuild reports reading. */
const IDE_RECIPE = ["scripts/build-ide.mjs", "scripts/playground-bundle.mjs", "ide/tsconfig.json", "package.json", "package-lock.json"];
const IDE_MANIFEST = join(dist, "ide/manifest.json");
const IDE_INPUTS = join(dist, "ide-inputs.json");

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--clean");
if (unknown.length > 0) {
  console.error(`build: unknown argument ${unknown.join(" ")} (only --clean)`);
  process.exit(2);
}
const clean = args.includes("--clean");

/** Files under `dir` (relative to the repository root), recursively; none when it does not exist. */
function filesUnder(dir) {
  const absolute = join(root, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true })
    .map((name) => join(dir, name))
    .filter((path) => statSync(join(root, path)).isFile());
}

/** The source an output of dist/<folder> comes from: x.js and x.js.map from x.ts, JSON copied as is. */
function sourceOf(output) {
  const path = relative("dist", output);
  if (path.endsWith(".js.map")) return path.replace(/\.js\.map$/, ".ts");
  if (path.endsWith(".js")) return path.replace(/\.js$/, ".ts");
  return path;
}

/** Runs a Node script to its end; its failure is this build's. */
function run(script, scriptArgs) {
  const result = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (clean) rmSync(dist, { recursive: true, force: true });

// A source without its output (someone deleted part of dist/) would stay unbuilt: tsc -b trusts its
// build info. Without the build info it compiles everything.
const sourceFiles = SOURCE_FOLDERS.flatMap(filesUnder).filter((path) => !EXCLUDED.some((folder) => path.startsWith(folder)));
const sources = sourceFiles.filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts"));
const complete = sources.every((path) => existsSync(join(dist, path.replace(/\.ts$/, ".js"))));
if (!complete) rmSync(buildInfo, { force: true });

// Loading the compiler alone takes a second: when every output is there and no input (the sources,
// the JSON they import, the compiler's settings, the installed packages) is newer than the last
// successful compile, tsc -b would find the project up to date, so it is not started.
const inputs = [...sourceFiles.filter((path) => /\.(ts|json)$/.test(path)), "tsconfig.json", "package.json", "package-lock.json"];
const upToDate =
  complete && existsSync(compiled) && inputs.every((path) => !existsSync(join(root, path)) || statSync(join(root, path)).mtimeMs <= statSync(compiled).mtimeMs);
if (!upToDate) {
  // The stamp is dated from when the compiler started, so a file saved while it ran counts as newer
  // next time; a failed compile leaves none, so the next build runs tsc -b again (which reports the
  // errors again) instead of trusting a build that failed.
  rmSync(compiled, { force: true });
  const started = new Date();
  run(createRequire(import.meta.url).resolve("typescript/bin/tsc"), ["-b", "tsconfig.json"]);
  writeFileSync(compiled, "");
  utimesSync(compiled, started, started);
}

let removed = 0;
for (const output of SOURCE_FOLDERS.flatMap((folder) => filesUnder(join("dist", folder)))) {
  if (!existsSync(join(root, sourceOf(output)))) {
    rmSync(join(root, output));
    removed += 1;
  }
}
if (removed > 0) console.log(`dist: removed ${removed} outputs whose source is gone`);

function ideIsCurrent() {
  if (!existsSync(IDE_MANIFEST) || !existsSync(IDE_INPUTS)) return false;
  const built = statSync(IDE_MANIFEST).mtimeMs;
  const newer = (path) => statSync(join(root, path)).mtimeMs > built;
  // An input esbuild read that is gone changes the bundle; a recipe file a checkout lacks does not.
  const inputs = JSON.parse(readFileSync(IDE_INPUTS, "utf8"));
  return inputs.every((path) => existsSync(join(root, path)) && !newer(path)) && IDE_RECIPE.every((path) => !existsSync(join(root, path)) || !newer(path));
}

if (!ideIsCurrent()) {
  const started = new Date();
  run(join(root, "scripts/build-ide.mjs"), []);
  utimesSync(IDE_MANIFEST, started, started); // as the compile stamp: a file saved meanwhile counts as newer
}
