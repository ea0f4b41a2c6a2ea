// The IDE's built files, read once at start. Requests are answered from this table by exact name,
// never by joining a request path onto the folder, so no request can reach another file.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentCoding } from "./negotiation.js";

/** What `scripts/build-ide.mjs` writes next to the hashed files. */
export const MANIFEST_FILE = "manifest.json";

export interface IdeManifest {
  /** The hashed file name of the bundle, such as `ide-3FJ2K7QX.js`. */
  js: string;
  /** The hashed file name of the stylesheet. */
  css: string;
  /** GraphQL Playground's files (IDE=playground), absent when the build could not fetch them. */
  playground?: PlaygroundFiles;
}

/** GraphQL Playground's prebuilt bundle and stylesheet, and the boot script that starts it. */
export interface PlaygroundFiles {
  js: string;
  css: string;
  boot: string;
}

export interface IdeAsset {
  contentType: string;
  body: Buffer;
  /** Copies the build compressed, by coding. */
  encoded: Partial<Record<ContentCoding, Buffer>>;
}

export interface IdeAssets {
  manifest: IdeManifest;
  /** By file name. */
  files: ReadonlyMap<string, IdeAsset>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  // The licence notices esbuild collects next to the bundle (ide-[hash].js.LEGAL.txt).
  ".txt": "text/plain; charset=utf-8",
};

/** The build's suffixes for precompressed siblings, in the order the handler prefers them. */
const ENCODED_SUFFIXES: Readonly<Record<ContentCoding, string>> = { br: ".br", gzip: ".gz" };

/** Hashed names are plain: no folders, no dot files, nothing a URL would need to escape. */
const SERVABLE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9]+)+$/;

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf("."));
}

/**
 * The folder `npm run build:ide` writes: dist/ide, found from dist/src/ide/ (the built gateway) or
 * src/ide/ (a TypeScript runner). Undefined when neither exists yet.
 */
export function defaultIdeAssetsDir(): string | undefined {
  const candidates = ["../../ide/", "../../dist/ide/"].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return candidates.find((candidate) => existsSync(join(candidate, MANIFEST_FILE)));
}

/** The manifest's `playground` entry when it names three plain files; undefined when absent; null when malformed. */
function playgroundFilesOf(value: unknown): PlaygroundFiles | undefined | null {
  if (value === undefined) return undefined;
  const files = value as Partial<Record<keyof PlaygroundFiles, unknown>> | null;
  if (typeof files !== "object" || files === null) return null;
  const { js, css, boot } = files;
  return [js, css, boot].every((name) => typeof name === "string" && SERVABLE_NAME.test(name)) ? { js, css, boot } as PlaygroundFiles : null;
}

function readManifest(dir: string): IdeManifest {
  const path = join(dir, MANIFEST_FILE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (error as Error).message;
    throw new Error(`The IDE's ${path} cannot be read (${reason}): run \`npm run build:ide\` first.`, { cause: error });
  }
  const manifest = parsed as Partial<Record<keyof IdeManifest, unknown>> | null;
  const playground = playgroundFilesOf(manifest?.playground);
  if (
    typeof manifest !== "object" ||
    manifest === null ||
    typeof manifest.js !== "string" ||
    typeof manifest.css !== "string" ||
    !SERVABLE_NAME.test(manifest.js) ||
    !SERVABLE_NAME.test(manifest.css) ||
    playground === null
  ) {
    throw new Error(`The IDE's ${path} must be {"js": "<file>.js", "css": "<file>.css", "playground"?: {js, css, boot}} naming plain files: run \`npm run build:ide\` again.`);
  }
  return { js: manifest.js, css: manifest.css, ...(playground === undefined ? {} : { playground }) };
}

export function loadIdeAssets(dir: string): IdeAssets {
  const manifest = readManifest(dir);
  const names = new Set(readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()));
  const files = new Map<string, IdeAsset>();
  for (const name of names) {
    const contentType = CONTENT_TYPES[extensionOf(name)];
    if (!SERVABLE_NAME.test(name) || contentType === undefined) continue;
    const encoded: IdeAsset["encoded"] = {};
    for (const [coding, suffix] of Object.entries(ENCODED_SUFFIXES) as Array<[ContentCoding, string]>) {
      if (names.has(name + suffix)) encoded[coding] = readFileSync(join(dir, name + suffix));
    }
    files.set(name, { contentType, body: readFileSync(join(dir, name)), encoded });
  }
  const playground = manifest.playground === undefined ? [] : Object.values(manifest.playground);
  for (const name of [manifest.js, manifest.css, ...playground]) {
    if (!files.has(name)) throw new Error(`The IDE's manifest names ${name}, which is not in ${dir}: run \`npm run build:ide\` again.`);
  }
  return { manifest, files };
}
