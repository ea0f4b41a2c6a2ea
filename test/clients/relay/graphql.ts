// Relay's `graphql` tag, for code that no Babel (or SWC) plugin rewrites: this folder is compiled by
// tsc alone. The Relay compiler reads the tagged literals and writes one artifact per operation and
// fragment into __generated__/ (scripts/relay.mjs, part of `npm test`); at run time the tag returns
// the artifact named by its literal, as the plugin's rewrite to `import('./__generated__/Name.graphql')`
// would. relay-runtime's own `graphql` only throws without that rewrite.
import { readdirSync } from "node:fs";
import type { GraphQLTaggedNode } from "relay-runtime";

const generated = new URL("./__generated__/", import.meta.url);

/** Every compiled artifact, by the name of its operation or fragment. */
const artifacts = new Map<string, GraphQLTaggedNode>();
for (const file of readdirSync(generated).filter((name) => name.endsWith(".graphql.js"))) {
  const artifact = (await import(new URL(file, generated).href)) as { default: GraphQLTaggedNode };
  artifacts.set(file.slice(0, -".graphql.js".length), artifact.default);
}

/** The artifact of the operation or fragment a literal defines (its first definition). */
export function graphql(literal: TemplateStringsArray): GraphQLTaggedNode {
  const name = /^\s*(?:query|mutation|subscription|fragment)\s+(\w+)/.exec(literal.join(""))?.[1];
  const artifact = name === undefined ? undefined : artifacts.get(name);
  if (artifact === undefined) throw new Error(`No Relay artifact for ${name ?? "this literal"}: run \`npm run build:relay\`.`);
  return artifact;
}
