// GraphQL Playground's prebuilt browser bundle, for IDE=playground, without making the package a
// dependency: graphql-playground-react pulls React 16, graphql 15 and dozens of old packages into
// node_modules, while its npm tarball already holds one self-contained script and stylesheet
// (build/static/js/middleware.js, build/static/css/middleware.css). The tarball is fetched once with
// `npm pack` (npm's registry, proxy and cache settings apply), checked against the sha512 pinned
// here, and kept in a cache folder, so later builds are offline. Only those two files are read out.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pid } from "node:process";
import { gunzipSync } from "node:zlib";

export const PLAYGROUND_PACKAGE = "graphql-playground-react";
export const PLAYGROUND_VERSION = "1.7.28";
/** `npm view graphql-playground-react@1.7.28 dist.integrity` */
const INTEGRITY = "sha512-YPR33Ph9kuKlFOMpc8mKGsL/fOiX0ltgzV1BokXYNsBLtTVQnhdCSKQuZg80CcxWKD8syNuWXDkGZSAdFkwmRg==";
const TARBALL = `${PLAYGROUND_PACKAGE}-${PLAYGROUND_VERSION}.tgz`;
const FILES = { js: "package/build/static/js/middleware.js", css: "package/build/static/css/middleware.css" };

function integrityOf(bytes) {
  return `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
}

/** The regular files of a ustar archive that `wanted` names, by name (POSIX.1-1988 headers). */
function readTar(archive, wanted) {
  const found = new Map();
  for (let offset = 0; offset + 512 <= archive.length; ) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) => header.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = prefix === "" ? field(0, 100) : `${prefix}/${field(0, 100)}`;
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    if ((type === "0" || type === "") && wanted.has(name)) found.set(name, archive.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return found;
}

/**
 * The tarball from `cacheDir`, fetched there with `npm pack` when absent. A tarball whose sha512 is
 * not the pinned one is an error (and is not kept); a failed fetch is reported to the caller.
 */
function tarball(cacheDir) {
  const path = join(cacheDir, TARBALL);
  if (!existsSync(path)) {
    mkdirSync(cacheDir, { recursive: true });
    const incoming = join(cacheDir, `incoming-${pid}`);
    mkdirSync(incoming, { recursive: true });
    try {
      execFileSync("npm", ["pack", `${PLAYGROUND_PACKAGE}@${PLAYGROUND_VERSION}`, "--pack-destination", incoming, "--silent"], { stdio: ["ignore", "ignore", "pipe"] });
      renameSync(join(incoming, TARBALL), path);
    } finally {
      rmSync(incoming, { recursive: true, force: true });
    }
  }
  const bytes = readFileSync(path);
  const integrity = integrityOf(bytes);
  if (integrity !== INTEGRITY) {
    rmSync(path, { force: true });
    throw new Error(`${TARBALL} has integrity ${integrity}, not the pinned ${INTEGRITY}: removed from ${cacheDir}.`);
  }
  return bytes;
}

/**
 * Playground's script and stylesheet (Buffers), from the cached tarball. Throws `{ offline: true }`
 * errors when the tarball is not cached and cannot be fetched, so a build can go on without it.
 */
export function playgroundBundle(cacheDir) {
  let bytes;
  try {
    bytes = tarball(cacheDir);
  } catch (error) {
    if (/integrity/.test(error.message)) throw error;
    throw Object.assign(new Error(`${PLAYGROUND_PACKAGE}@${PLAYGROUND_VERSION} could not be fetched with npm pack: ${error.message.split("\n")[0]}`), { offline: true });
  }
  const files = readTar(gunzipSync(bytes), new Set(Object.values(FILES)));
  const js = files.get(FILES.js);
  const css = files.get(FILES.css);
  if (js === undefined || css === undefined) throw new Error(`${TARBALL} holds no ${FILES.js} and ${FILES.css}.`);
  return { js, css };
}
