/* global process, console */
// Runs the compiled tests (`*.test.js` under dist/test/) with Node's test runner, two files at a
// time, on the Node that runs this script. Node's `--test` reads its arguments differently from one
// version to the next (Node 20 runs every .js under a folder it is given, helpers included; Node 22+
// takes globs and treats a folder as one failing test, and Node 20 does not expand globs), so this
// script finds the files itself and passes the same explicit list to every version.
//   node scripts/test.mjs                          every test (build first: npm run build)
//   node scripts/test.mjs dist/test/gateway        the tests under some folders or files
//   node scripts/test.mjs --test-reporter=dot      options starting with -- go to `node --test`
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { URL, fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const options = process.argv.slice(2).filter((arg) => arg.startsWith("--"));
const roots = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));

/** Every `*.test.js` at or under `path` (a file or a folder), relative to the repository root. */
function testFiles(path) {
  const absolute = resolve(root, path);
  const stat = statSync(absolute, { throwIfNoEntry: false });
  if (stat === undefined) throw new Error(`${path} does not exist: run \`npm run build\` first.`);
  if (!stat.isDirectory()) return [relative(root, absolute)];
  return readdirSync(absolute, { recursive: true })
    .filter((name) => name.endsWith(".test.js"))
    .map((name) => relative(root, join(absolute, name)));
}

let files;
try {
  files = [...new Set((roots.length > 0 ? roots : ["dist/test"]).flatMap(testFiles))].sort();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (files.length === 0) {
  console.error(`No *.test.js under ${roots.join(", ") || "dist/test"}: run \`npm run build\` first.`);
  process.exit(1);
}

// The AWS SDK warns once per process that its releases after early January 2027 need Node 22; the
// tests' processes are not the place for it.
const child = spawn(process.execPath, ["--test", "--test-concurrency=2", ...options, ...files], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
});
// Ctrl-C reaches the runner through the terminal; a SIGTERM sent to this script alone is passed on.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
