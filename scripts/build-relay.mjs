/* global process */
// Builds the Relay client test (test/clients/relay/) as a Relay app is built: the Relay compiler turns
// the `graphql` literals there into artifacts (test/clients/relay/__generated__/, not committed),
// then tsc compiles the folder into dist/. Run by `npm test` after `npm run build`; the folder is
// outside the main tsconfig, so plain `tsc` never needs the artifacts.
//   1. The compiler takes one schema file, and the gateway's SDL is several files that extend types
//      defined in others: they are joined and printed as one (the same types the gateway serves).
//   2. relay-compiler (its platform binary) with test/clients/relay/relay.config.json.
//   3. The artifacts import each other without an extension (`./Name.graphql`), which Node's ESM
//      resolver refuses: `.js` is added, as a bundler would resolve it.
//   4. tsc -p test/clients/relay/tsconfig.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { URL, fileURLToPath } from "node:url";
import { buildASTSchema, concatAST, parse, printSchema } from "graphql";

const root = fileURLToPath(new URL("..", import.meta.url));
const project = join(root, "test/clients/relay");
const generated = join(project, "__generated__");

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const schemaDir = join(root, "schema");
const sdl = readdirSync(schemaDir)
  .filter((name) => name.endsWith(".graphql"))
  .sort()
  .map((name) => parse(readFileSync(join(schemaDir, name), "utf8")));
mkdirSync(generated, { recursive: true });
writeFileSync(join(generated, "schema.graphql"), printSchema(buildASTSchema(concatAST(sdl))));

run(join(root, "node_modules/.bin/relay-compiler"), [], project);

for (const name of readdirSync(generated).filter((file) => file.endsWith(".graphql.ts"))) {
  const path = join(generated, name);
  const text = readFileSync(path, "utf8");
  const fixed = text.replace(/from '(\.\/[\w$]+\.graphql)'/g, "from '$1.js'");
  if (fixed !== text) writeFileSync(path, fixed);
}

run(join(root, "node_modules/.bin/tsc"), ["-p", join(project, "tsconfig.json")], root);
