// The committed resolver types must be what codegen.yml makes from schema/ today: regenerate in
// memory with GraphQL Code Generator's programmatic API and compare with the file.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { it } from "node:test";
import { generate, loadCodegenConfig } from "@graphql-codegen/cli";

/** The repository root, from dist/test/gateway/ (compiled) or test/gateway/ (source). */
const root = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../../" : "../../", import.meta.url));

it("src/__generated__/resolvers-types.ts is current (run `npm run codegen` if not)", async () => {
  const loaded = await loadCodegenConfig({ configFilePath: `${root}codegen.yml` });
  assert.ok(loaded, "codegen.yml is found");
  const outputs = (await generate({ ...loaded.config, cwd: root, silent: true }, false)) as Array<{ filename: string; content: string }>;
  assert.equal(outputs.length, 1);
  const [output] = outputs;
  assert.equal(output?.filename, "src/__generated__/resolvers-types.ts");
  const committed = readFileSync(`${root}src/__generated__/resolvers-types.ts`, "utf8");
  assert.ok(output?.content === committed, "the generated resolver types differ from the committed file: run `npm run codegen`");
});
