// The example frontend's typed operations must be what examples/codegen.yml makes from schema/ and
// examples/src/*.graphql today, and the example must type-check against them (so a schema change
// that breaks the example fails here, not in a user's copy).
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";

/** The repository root, from dist/test/examples/ (compiled) or test/examples/ (source). */
const root = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../../" : "../../", import.meta.url));
const GENERATED = "examples/src/generated/";

it("examples/src/generated/ is current (run `npm run codegen:examples` if not)", async () => {
  const loaded = await loadCodegenConfig({ configFilePath: `${root}examples/codegen.yml` });
  assert.ok(loaded, "examples/codegen.yml is found");
  const outputs = (await generate({ ...loaded.config, cwd: root, silent: true }, false)) as Array<{ filename: string; content: string }>;
  const generated = new Map(outputs.map((output) => [output.filename.replace(/^\.\//, ""), output.content]));
  const committed = readdirSync(`${root}${GENERATED}`).map((name) => `${GENERATED}${name}`);
  assert.deepEqual([...generated.keys()].sort(), committed.sort(), "the generated file names differ from the committed ones");
  for (const [filename, content] of generated) {
    assert.ok(content === readFileSync(`${root}${filename}`, "utf8"), `${filename} differs from what codegen makes: run \`npm run codegen:examples\``);
  }
});

it("the example type-checks (tsc -p examples/tsconfig.json)", { timeout: 60_000 }, async () => {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const result = await promisify(execFile)(process.execPath, [tsc, "-p", `${root}examples/tsconfig.json`], { cwd: root }).catch((error: { stdout?: string; code?: number }) => error);
  assert.equal("code" in result ? result.code : 0, 0, "stdout" in result ? result.stdout : "");
});
