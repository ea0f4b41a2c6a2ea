// Lint holds the layering described in docs/development.md ("Code layout"): each zone below names a folder
// and what it must not import, so a reader knows their room without remembering it.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import globals from "globals";

const awsSdk = ["@aws-sdk/*", "@smithy/*"];
const graphqlLibs = ["graphql", "graphql/*", "@apollo/*", "graphql-scalars", "graphql-ws", "dataloader"];

function restrictImports(files, group, message) {
  return { files, rules: { "no-restricted-imports": ["error", { patterns: [{ group, message }] }] } };
}

/** A zone: files under `target` may not import from `from` (paths relative to the repo root). */
const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "src/__generated__/**", "examples/**/generated/**", "test/clients/relay/__generated__/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "import-x": importX },
    languageOptions: { globals: globals.node },
    // Sources import `./x.js` for `./x.ts` (NodeNext): the resolver must map the one to the other, or
    // no zone below would ever see a violation.
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } })],
    },
    rules: {
      "import-x/no-default-export": "error",
      "import-x/no-cycle": ["error", { maxDepth: 10 }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            zone("./src/emulator", "./src", "The emulator imports nothing else from src/."),
            zone("./src", "./test", "src/ never imports test/."),
            zone("./src", "./bench", "src/ never imports bench/."),
            zone("./src/resolvers", "./src/emulator", "Resolvers never reach the emulator."),
            zone("./src/resolvers", "./src/cloudcontrol/client.ts", "Resolvers talk to the context, not the SDK client."),
            zone("./src/cloudcontrol", "./src/loaders", "cloudcontrol/ never imports loaders."),
            zone("./src/cloudcontrol", "./src/resolvers", "cloudcontrol/ never imports resolvers."),
            zone("./src/loaders", "./src/resolvers", "loaders/ never imports resolvers."),
          ].map((z) => ({ ...z, except: z.target === "./src/emulator" ? ["./emulator"] : [] })),
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // One complete list per folder (a later flat-config entry replaces an earlier one's rule for the same file).
  restrictImports(["src/**/*.ts"], awsSdk, "Only src/cloudcontrol/ imports the AWS SDK."),
  restrictImports(["src/resolvers/**/*.ts"], awsSdk, "resolvers/ never imports the AWS SDK: go through the context."),
  restrictImports(["src/loaders/**/*.ts"], [...awsSdk, "graphql", "graphql/*", "@apollo/*"], "loaders/ never imports graphql or the AWS SDK."),
  restrictImports(["src/cloudcontrol/**/*.ts"], graphqlLibs, "cloudcontrol/ never imports graphql, loaders or resolvers."),
  restrictImports(["src/emulator/**/*.ts"], [...awsSdk, ...graphqlLibs], "The emulator is a server: it never imports the AWS SDK client or GraphQL."),
);
