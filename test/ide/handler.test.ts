import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import type { IdeExample, IdeOptions } from "../../src/ide/index.js";
import { defaultIdeAssetsDir, IDE_CONTENT_SECURITY_POLICY, PLAYGROUND_CONTENT_SECURITY_POLICY } from "../../src/ide/index.js";
import { createIdeHandler } from "../../src/http/index.js";
import type { TestServer } from "./harness.js";
import { BROWSER_NAVIGATION_ACCEPT, disposeAfter, rawRequest, startTestServer } from "./harness.js";

const JS = "ide-AAAA1111.js";
const CSS = "ide-BBBB2222.css";
const FONT = "roboto-normal-400-0-CCCC3333.woff2";
const JS_BODY = `console.log(${JSON.stringify("x".repeat(2000))});\n`;
const PLAYGROUND = { js: "playground-DDDD4444.js", css: "playground-EEEE5555.css", boot: "playground-boot-FFFF6666.js" };

/** A dist/ide look-alike inside a folder that also holds a file no request may reach. */
function makeAssetsDir(options: { playground?: boolean } = {}): string {
  const parent = mkdtempSync(join(tmpdir(), "ide-assets-"));
  disposeAfter(async () => rmSync(parent, { recursive: true, force: true }));
  writeFileSync(join(parent, "secret.js"), "the parent folder's file");
  const dir = join(parent, "ide");
  mkdirSync(join(dir, "nested"), { recursive: true });
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ js: JS, css: CSS, ...(options.playground === true ? { playground: PLAYGROUND } : {}) }));
  if (options.playground === true) for (const name of Object.values(PLAYGROUND)) writeFileSync(join(dir, name), `/* ${name} */`);
  writeFileSync(join(dir, JS), JS_BODY);
  writeFileSync(join(dir, `${JS}.gz`), gzipSync(JS_BODY));
  writeFileSync(join(dir, `${JS}.br`), brotliCompressSync(JS_BODY));
  writeFileSync(join(dir, CSS), "body{margin:0}");
  writeFileSync(join(dir, FONT), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(dir, ".env"), "SECRET=1");
  writeFileSync(join(dir, "notes.unknown"), "no content type for this");
  writeFileSync(join(dir, "nested", "inner.js"), "nested");
  return dir;
}

const EXAMPLES: IdeExample[] = [
  { name: "First", query: "query First { __typename }", variables: '{"a": 1}', headers: '{"Authorization": "Bearer <token>"}' },
  { name: "Second", query: "query Second { __typename }" },
];

interface Harness {
  server: TestServer;
  /** Requests the IDE handler did not answer, by method and path. */
  fellThrough: string[];
}

async function startIde(overrides: Partial<IdeOptions> = {}): Promise<Harness> {
  const ide = createIdeHandler({ assetsDir: makeAssetsDir(), endpoint: "/graphql", examples: EXAMPLES, title: "Route responses", ...overrides });
  const fellThrough: string[] = [];
  const server = await startTestServer((req, res) => {
    if (ide.handle(req, res)) return;
    fellThrough.push(`${req.method} ${req.url}`);
    res.statusCode = 299;
    res.end("fell through");
  });
  return { server, fellThrough };
}

/** The text of `<script type="application/json" id="ide-config">`, parsed. */
function pageConfig(html: string): unknown {
  const match = /<script type="application\/json" id="ide-config">([^<]*)<\/script>/.exec(html);
  assert.ok(match, "the page embeds its config");
  return JSON.parse(match[1] ?? "");
}

describe("the IDE page", async () => {
  const { server, fellThrough } = await startIde();

  it("is served to a browser's GET of /graphql, with the config and the hashed files", async () => {
    const res = await rawRequest(server, "/graphql", { headers: { accept: BROWSER_NAVIGATION_ACCEPT } });
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "text/html; charset=utf-8");
    assert.match(res.text, /^<!doctype html>/);
    assert.match(res.text, /<title>Route responses<\/title>/);
    assert.ok(res.text.includes(`<link rel="stylesheet" href="/ide/assets/${CSS}">`));
    assert.ok(res.text.includes(`<script type="module" src="/ide/assets/${JS}"></script>`));
    assert.deepEqual(pageConfig(res.text), { endpoint: "/graphql", examples: EXAMPLES });
    assert.equal(Number(res.headers["content-length"]), res.body.length);
    assert.deepEqual(fellThrough, []);
  });

  it("has no inline script or style and names no other origin", async () => {
    const { text } = await rawRequest(server, "/graphql", { headers: { accept: "text/html" } });
    const scripts = text.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script type="module" src="/ide/assets/${JS}">`, `<script type="application/json" id="ide-config">`]);
    assert.doesNotMatch(text, /<style|style=|https?:|\/\/[a-z]/i);
  });

  it("sends a strict Content-Security-Policy and the security headers", async () => {
    const res = await rawRequest(server, "/graphql", { headers: { accept: BROWSER_NAVIGATION_ACCEPT } });
    const csp = res.headers["content-security-policy"];
    assert.equal(csp, IDE_CONTENT_SECURITY_POLICY);
    const directives = new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values.join(" ")]));
    assert.deepEqual(Object.fromEntries(directives), {
      "default-src": "'self'",
      "script-src": "'self'",
      "style-src": "'self'",
      "img-src": "'self' data:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'none'",
      "form-action": "'none'",
      "frame-ancestors": "'none'",
    });
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
    assert.equal(res.headers["cache-control"], "no-cache");
    assert.equal(res.headers.vary, "Accept");
  });

  it("answers HEAD with the headers and no body, and a matching If-None-Match with 304", async () => {
    const head = await rawRequest(server, "/graphql?query=x", { method: "HEAD", headers: { accept: "text/html" } });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.ok(Number(head.headers["content-length"]) > 0);
    const etag = head.headers.etag ?? "";
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
    const revalidated = await rawRequest(server, "/graphql", { headers: { accept: "text/html", "if-none-match": `"other", W/${etag}` } });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.body.length, 0);
    assert.equal(revalidated.headers["content-security-policy"], IDE_CONTENT_SECURITY_POLICY);
  });

  it("leaves GraphQL requests and other paths to the caller", async () => {
    const before = fellThrough.length;
    const cases: Array<[string, string, Record<string, string>]> = [
      ["POST", "/graphql", { accept: BROWSER_NAVIGATION_ACCEPT, "content-type": "application/json" }],
      ["GET", "/graphql?query=%7B__typename%7D", { accept: "application/json" }],
      ["GET", "/graphql", { accept: "application/graphql-response+json, application/json;q=0.9" }],
      ["GET", "/graphql", { accept: "*/*" }],
      ["GET", "/graphql", {}],
      ["GET", "/graphql", { accept: "application/json, text/html" }],
      ["GET", "/graphql", { accept: "application/graphql-response+json, text/html;q=0.9" }],
      ["GET", "/graphql", { accept: "text/html;q=0" }],
      ["GET", "/graphql/", { accept: "text/html" }],
      ["GET", "/graphqlx", { accept: "text/html" }],
      ["GET", "/", { accept: "text/html" }],
      ["GET", "/ide", { accept: "text/html" }],
    ];
    for (const [method, path, headers] of cases) {
      const res = await rawRequest(server, path, { method, headers, body: method === "POST" ? "{}" : undefined });
      assert.equal(res.status, 299, `${method} ${path} ${JSON.stringify(headers)} falls through`);
    }
    assert.deepEqual(
      fellThrough.slice(before),
      cases.map(([method, path]) => `${method} ${path}`),
    );
  });
});

describe("the IDE's files", async () => {
  const { server, fellThrough } = await startIde();

  it("are served with immutable caching and their content types", async () => {
    const expected: Array<[string, string]> = [
      [JS, "text/javascript; charset=utf-8"],
      [CSS, "text/css; charset=utf-8"],
      [FONT, "font/woff2"],
    ];
    for (const [name, contentType] of expected) {
      const res = await rawRequest(server, `/ide/assets/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers["content-type"], contentType);
      assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable");
      assert.equal(res.headers["x-content-type-options"], "nosniff");
      assert.equal(res.headers["cross-origin-resource-policy"], "same-origin");
      assert.equal(res.headers["content-encoding"], undefined);
    }
    const js = await rawRequest(server, `/ide/assets/${JS}?v=1`);
    assert.equal(js.text, JS_BODY);
    assert.equal(js.headers.vary, "Accept-Encoding");
  });

  it("are sent precompressed when the browser accepts it", async () => {
    const br = await rawRequest(server, `/ide/assets/${JS}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(brotliDecompressSync(br.body).toString(), JS_BODY);
    assert.equal(Number(br.headers["content-length"]), br.body.length);
    const gzip = await rawRequest(server, `/ide/assets/${JS}`, { headers: { "accept-encoding": "br;q=0, gzip" } });
    assert.equal(gzip.headers["content-encoding"], "gzip");
    assert.equal(gunzipSync(gzip.body).toString(), JS_BODY);
    const identity = await rawRequest(server, `/ide/assets/${JS}`, { headers: { "accept-encoding": "identity" } });
    assert.equal(identity.headers["content-encoding"], undefined);
    assert.equal(identity.text, JS_BODY);
    // No compressed copy of the stylesheet in this folder: it goes as it is, whatever is accepted.
    const css = await rawRequest(server, `/ide/assets/${CSS}`, { headers: { "accept-encoding": "br, gzip" } });
    assert.equal(css.headers["content-encoding"], undefined);
    assert.equal(css.headers.vary, undefined);
  });

  it("answers HEAD without a body", async () => {
    const res = await rawRequest(server, `/ide/assets/${CSS}`, { method: "HEAD" });
    assert.equal(res.status, 200);
    assert.equal(res.body.length, 0);
    assert.equal(res.headers["content-length"], String("body{margin:0}".length));
  });

  it("are 404 for any other name, and no path reaches another file", async () => {
    const paths = [
      "/ide/assets/",
      "/ide/assets/ide-ZZZZ9999.js",
      "/ide/assets/manifest.json",
      `/ide/assets/${JS}.gz`,
      `/ide/assets/${JS}.br`,
      "/ide/assets/.env",
      "/ide/assets/notes.unknown",
      "/ide/assets/nested/inner.js",
      "/ide/assets/nested",
      "/ide/assets/../secret.js",
      "/ide/assets/../../../../etc/passwd",
      "/ide/assets/%2e%2e/secret.js",
      "/ide/assets/..%2fsecret.js",
      "/ide/assets/%2e%2e%2f%2e%2e%2fpackage.json",
      "/ide/assets//etc/passwd",
      "/ide/assets/..\\secret.js",
      `/ide/assets/./${JS}`,
      `/ide/assets/${JS}/`,
      `/ide/assets/${JS}%00`,
    ];
    for (const path of paths) {
      const res = await rawRequest(server, path);
      assert.equal(res.status, 404, path);
      assert.equal(res.text, "No such IDE file.\n", path);
      assert.equal(res.headers["cache-control"], "no-store");
    }
    assert.deepEqual(fellThrough, []);
  });

  it("are read-only", async () => {
    const res = await rawRequest(server, `/ide/assets/${JS}`, { method: "POST", body: "x" });
    assert.equal(res.status, 405);
    assert.equal(res.headers.allow, "GET, HEAD");
  });
});

describe("the page config", () => {
  it("cannot close its script element or open a comment, whatever the examples say", async () => {
    const hostile: IdeExample[] = [
      {
        name: "</script><script>alert(1)</script>",
        query: "# </SCRIPT> <!-- <script> \u2028\u2029 & ' \"\nquery Q { __typename }",
        variables: '{"x": "</script>"}',
      },
    ];
    const { server } = await startIde({ examples: hostile, title: "</title><script>alert(2)</script>" });
    const { text } = await rawRequest(server, "/graphql", { headers: { accept: "text/html" } });
    const config = /<script type="application\/json" id="ide-config">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? "";
    assert.doesNotMatch(config, /[<\u2028\u2029]/);
    assert.deepEqual(JSON.parse(config), { endpoint: "/graphql", examples: hostile });
    assert.equal((text.match(/<script/gi) ?? []).length, 2);
    assert.match(text, /<title>&#60;\/title&#62;&#60;script&#62;alert\(2\)&#60;\/script&#62;<\/title>/);
  });
});

describe("createIdeHandler's options", () => {
  const assetsDir = makeAssetsDir();
  const valid: IdeOptions = { assetsDir, endpoint: "/graphql", examples: EXAMPLES };

  it("are checked at once, with a sentence naming the option", () => {
    const bad: Array<[Partial<IdeOptions> | Record<string, unknown>, RegExp]> = [
      [{ endpoint: "graphql" }, /endpoint must be a path starting with "\/"/],
      [{ endpoint: "/graphql?x=1" }, /endpoint must be a path/],
      [{ endpoint: "/ide/assets/graphql" }, /cannot be under \/ide\/assets\//],
      [{ examples: [] }, /at least one example/],
      [{ examples: [null] }, /examples\[0\] must be an object/],
      [{ examples: [EXAMPLES[0], EXAMPLES[0]] }, /examples\[1\]\.name "First" is used twice/],
      [{ examples: [{ name: "", query: "{a}" }] }, /examples\[0\]\.name must be a non-empty string/],
      [{ examples: [{ name: "a", query: " " }] }, /examples\[0\]\.query must be a GraphQL document/],
      [{ examples: [{ name: "a", query: "{a}", variables: "[1]" }] }, /examples\[0\]\.variables must be the text of a JSON object/],
      [{ examples: [{ name: "a", query: "{a}", headers: "{" }] }, /examples\[0\]\.headers must be the text of a JSON object/],
    ];
    for (const [override, message] of bad) {
      assert.throws(() => createIdeHandler({ ...valid, ...override } as IdeOptions), message, JSON.stringify(override));
    }
  });

  it("need a built IDE, and say how to make one", () => {
    const empty = mkdtempSync(join(tmpdir(), "ide-empty-"));
    disposeAfter(async () => rmSync(empty, { recursive: true, force: true }));
    assert.throws(() => createIdeHandler({ ...valid, assetsDir: empty }), /manifest\.json cannot be read \(it does not exist\): run `npm run build:ide` first/);
    writeFileSync(join(empty, "manifest.json"), JSON.stringify({ js: "../x.js", css: "ide.css" }));
    assert.throws(() => createIdeHandler({ ...valid, assetsDir: empty }), /naming plain files/);
    writeFileSync(join(empty, "manifest.json"), JSON.stringify({ js: "ide-1.js", css: "ide-1.css" }));
    assert.throws(() => createIdeHandler({ ...valid, assetsDir: empty }), /names ide-1\.js, which is not in/);
  });

  it("default to dist/ide, where npm run build:ide writes", () => {
    // From dist/test/ide/ as from dist/src/ide/: two folders up is dist/.
    assert.equal(defaultIdeAssetsDir(), fileURLToPath(new URL("../../ide/", import.meta.url)));
  });
});

describe("the GraphQL Playground page (tool: playground)", async () => {
  const ide = createIdeHandler({ assetsDir: makeAssetsDir({ playground: true }), endpoint: "/graphql", examples: EXAMPLES, tool: "playground" });
  const server = await startTestServer((req, res) => {
    if (!ide.handle(req, res)) res.end("fell through");
  });

  it("loads Playground's bundle (a classic script, deferred) before its boot module, with its own CSP", async () => {
    const res = await rawRequest(server, "/graphql", { headers: { accept: BROWSER_NAVIGATION_ACCEPT } });
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-security-policy"], PLAYGROUND_CONTENT_SECURITY_POLICY);
    assert.ok(res.text.includes(`<link rel="stylesheet" href="/ide/assets/${PLAYGROUND.css}">`));
    const bundle = res.text.indexOf(`<script defer src="/ide/assets/${PLAYGROUND.js}"></script>`);
    const boot = res.text.indexOf(`<script type="module" src="/ide/assets/${PLAYGROUND.boot}"></script>`);
    assert.ok(bundle !== -1 && boot > bundle, res.text);
    assert.equal(res.text.includes(JS), false);
    assert.deepEqual(pageConfig(res.text), { endpoint: "/graphql", examples: EXAMPLES });
    const file = await rawRequest(server, `/ide/assets/${PLAYGROUND.js}`);
    assert.equal(file.status, 200);
    assert.equal(file.text, `/* ${PLAYGROUND.js} */`);
  });

  it("differs from GraphiQL's CSP only by admitting an empty <style> element (the hash of the empty string)", () => {
    const emptyHash = `'sha256-${createHash("sha256").update("").digest("base64")}'`;
    assert.equal(PLAYGROUND_CONTENT_SECURITY_POLICY, IDE_CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${emptyHash}`));
    assert.doesNotMatch(PLAYGROUND_CONTENT_SECURITY_POLICY, /unsafe/);
  });

  it("is refused at creation when the build has no Playground files", () => {
    assert.throws(() => createIdeHandler({ assetsDir: makeAssetsDir(), endpoint: "/graphql", examples: EXAMPLES, tool: "playground" }), /no GraphQL Playground files: run `npm run build:ide`/);
  });
});
