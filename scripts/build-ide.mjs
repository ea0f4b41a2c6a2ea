// Bundles the browser IDE (ide/main.tsx) into dist/ide/ with content-hashed names, so the gateway can
// serve every file with an immutable cache header, writes a gzip and a brotli copy of the bundle and
// stylesheet, and writes manifest.json naming the two for the page. Two plugins adapt GraphiQL 4 to
// a page whose CSP allows only its own origin and no inline styles: inlined fonts become files, and
// Radix's scroll lock uses a constructable stylesheet. The build fails if the stylesheet still names
// another origin, or if a package whose state must be single is bundled twice (package.json's
// overrides keep graphiql's plugins on the @graphiql/react that graphiql itself uses). GraphQL
// Playground (IDE=playground) is its package's prebuilt bundle (scripts/playground-bundle.mjs), copied
// under hashed names next to its small boot script (ide/playground.ts).
import * as esbuild from "esbuild";
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { env, stderr, stdout } from "node:process";
import { URL, fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { PLAYGROUND_PACKAGE, PLAYGROUND_VERSION, playgroundBundle } from "./playground-bundle.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "dist/ide");
/** Where Playground's tarball is kept between builds; PLAYGROUND_CACHE_DIR overrides it. */
const playgroundCache = env.PLAYGROUND_CACHE_DIR ?? join(root, "node_modules/.cache/graphql-playground");

/**
 * GraphiQL's stylesheet carries 34 fonts (Roboto and Fira Code, one per unicode-range subset) as
 * base64 data URLs: 350 KB in the render-blocking CSS, most of it never used. This plugin writes each
 * as a hashed file instead, so the browser fetches only the subsets a page uses, from 'self'.
 */
function extractInlineFonts() {
  const fonts = new Map();
  return {
    name: "extract-inline-fonts",
    setup(build) {
      build.onLoad({ filter: /\.css$/ }, (args) => {
        const css = readFileSync(args.path, "utf8");
        if (!css.includes("data:font/")) return undefined;
        const contents = css.replace(/@font-face\s*{[^}]*}/g, (block) => {
          const family = /font-family:\s*["']?([^;"']+)/.exec(block)?.[1] ?? "font";
          const style = /font-style:\s*([^;]+)/.exec(block)?.[1] ?? "normal";
          const weight = /font-weight:\s*([^;]+)/.exec(block)?.[1] ?? "400";
          return block.replace(/url\((["']?)data:font\/([a-z0-9]+);base64,([^"')]+)\1\)/g, (_, _quote, format, base64) => {
            const name = `${family}-${style}-${weight}-${fonts.size}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
            const path = `${name}.${format}`;
            fonts.set(path, Buffer.from(base64, "base64"));
            return `url("inline-font:${path}")`;
          });
        });
        return { contents, loader: "css" };
      });
      build.onResolve({ filter: /^inline-font:/ }, (args) => ({ path: args.path.slice("inline-font:".length), namespace: "inline-font" }));
      build.onLoad({ filter: /.*/, namespace: "inline-font" }, (args) => {
        const contents = fonts.get(args.path);
        if (contents === undefined) throw new Error(`No inline font ${args.path}.`);
        return { contents, loader: "file" };
      });
    },
  };
}

/**
 * Swaps react-style-singleton's `<style>`-element stylesheet for ide/styleSheetSingleton.ts, which
 * adopts a constructable stylesheet instead: the page's CSP allows no inline styles (see that file).
 */
function constructableStyleSheets() {
  const replacement = join(root, "ide/styleSheetSingleton.ts");
  return {
    name: "constructable-style-sheets",
    setup(build) {
      build.onResolve({ filter: /^\.\/singleton(\.js)?$/ }, (args) =>
        /[\\/]react-style-singleton[\\/]/.test(args.importer) ? { path: replacement } : undefined,
      );
    },
  };
}

/**
 * Points GraphiQL 4's tab button at ide/tabTitles.ts, so a tab shows its example's name rather than
 * its operation's (GraphiQL has no option for it). The build fails if the button's code changed.
 */
function exampleTabTitles() {
  const module = join(root, "ide/tabTitles.ts");
  const button = "title: tab.title, onClick: handleTabClick, children: tab.title";
  return {
    name: "example-tab-titles",
    setup(build) {
      build.onLoad({ filter: /[\\/]graphiql[\\/]dist[\\/]GraphiQL\.js$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        if (!source.includes(button)) throw new Error(`${args.path} no longer renders tab titles as "${button}": update ide/tabTitles.ts and this plugin.`);
        const patched = source.replace(button, "title: ideTabTitle(tab.title), onClick: handleTabClick, children: ideTabTitle(tab.title)");
        return { contents: `import { tabTitle as ideTabTitle } from ${JSON.stringify(module)};\n${patched}`, loader: "js" };
      });
    },
  };
}

/**
 * Packages whose module state must exist once (React's dispatcher, contexts, graphql's instanceof
 * checks, zustand stores): a second copy fails the build. A second copy of anything else is only
 * bytes; the names are returned for the build's summary line.
 */
const MUST_BE_SINGLE = new Set(["react", "react-dom", "scheduler", "graphql", "@graphiql/react", "@graphiql/toolkit", "zustand"]);

function checkCopies(metafile) {
  const folders = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (match === null) continue;
    const [, folder, name] = match;
    folders.set(name, new Set([...(folders.get(name) ?? []), folder]));
  }
  const duplicated = [...folders].filter(([, found]) => found.size > 1);
  const describe = (list) => list.map(([name, found]) => `${name} (${[...found].join(", ")})`).join("; ");
  const fatal = duplicated.filter(([name]) => MUST_BE_SINGLE.has(name));
  if (fatal.length > 0) throw new Error(`The IDE bundle holds more than one copy of: ${describe(fatal)}`);
  return duplicated.length === 0 ? "" : `; also bundled twice, harmlessly: ${duplicated.map(([name]) => name).join(", ")}`;
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [
    { in: "ide/main.tsx", out: "ide" },
    { in: "ide/playground.ts", out: "playground-boot" },
  ],
  outdir,
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  // Licence comments go to one file next to the bundle instead of the bundle's end.
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
  plugins: [extractInlineFonts(), constructableStyleSheets(), exampleTabTitles()],
});
const duplicates = checkCopies(result.metafile);
if (!Object.keys(result.metafile.inputs).includes("ide/styleSheetSingleton.ts")) {
  throw new Error("react-style-singleton no longer imports ./singleton: check whether GraphiQL's dialogs still add <style> elements (ide/styleSheetSingleton.ts).");
}

const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
const js = outputs.find((name) => /^ide-[A-Z0-9]+\.js$/.test(name));
const css = outputs.find((name) => /^ide-[A-Z0-9]+\.css$/.test(name));
const boot = outputs.find((name) => /^playground-boot-[A-Z0-9]+\.js$/.test(name));
if (js === undefined || css === undefined || boot === undefined) throw new Error(`esbuild wrote no ide-[hash].js, .css and playground-boot-[hash].js: ${outputs.join(", ")}`);

// The stylesheet is what the browser follows without being asked (@import, url()): it must name no
// other origin. Strings in the bundle (React's error links, licence headers) are text, not loads;
// the browser test proves nothing else is fetched.
const stylesheet = readFileSync(join(outdir, css), "utf8");
const remote = stylesheet.match(/(?:@import\s*|url\(\s*)["']?(?:https?:)?\/\/[^"')\s]+/g);
if (remote !== null) throw new Error(`${css} loads from other origins: ${remote.join(", ")}`);

/** Playground's files under content-hashed names, or undefined (with a warning) when it cannot be fetched. */
function copyPlayground() {
  let bundle;
  try {
    bundle = playgroundBundle(playgroundCache);
  } catch (error) {
    if (!error.offline) throw error;
    stderr.write(`${error.message}\nIDE=playground will not be available until a build can fetch it once (GraphiQL is built).\n`);
    return undefined;
  }
  const hashed = (body, extension) => {
    const name = `playground-${createHash("sha256").update(body).digest("hex").slice(0, 10).toUpperCase()}.${extension}`;
    writeFileSync(join(outdir, name), body);
    return name;
  };
  return { js: hashed(bundle.js, "js"), css: hashed(bundle.css, "css"), boot };
}
const playground = copyPlayground();

// Precompressed copies: the handler sends the one the browser accepts, with no work per request.
for (const name of [js, css, boot, ...(playground === undefined ? [] : [playground.js, playground.css])]) {
  const body = readFileSync(join(outdir, name));
  writeFileSync(join(outdir, `${name}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(join(outdir, `${name}.br`), brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
}

writeFileSync(join(outdir, "manifest.json"), `${JSON.stringify({ js, css, ...(playground === undefined ? {} : { playground }) }, null, 2)}\n`);
// The files esbuild read (not the plugins' virtual modules, "namespace:path"), for scripts/build.mjs
// to skip this build while none of them changed; kept outside dist/ide, which the gateway serves.
const inputFiles = Object.keys(result.metafile.inputs).filter((path) => !/^[a-z-]+:/.test(path));
writeFileSync(join(root, "dist/ide-inputs.json"), `${JSON.stringify(inputFiles)}\n`);

const size = (name) => {
  const kib = (path) => `${(readFileSync(path).length / 1024).toFixed(1)} KiB`;
  return `${name} ${kib(join(outdir, name))} (gzip ${kib(join(outdir, `${name}.gz`))}, br ${kib(join(outdir, `${name}.br`))})`;
};
const fontCount = outputs.filter((name) => /\.(woff2?|ttf)$/.test(name)).length;
stdout.write(`dist/ide: ${size(js)}, ${size(css)}, ${fontCount} font files${duplicates}\n`);
if (playground !== undefined) stdout.write(`dist/ide: ${PLAYGROUND_PACKAGE}@${PLAYGROUND_VERSION} ${size(playground.js)}, ${size(playground.css)}; ${size(boot)}\n`);
