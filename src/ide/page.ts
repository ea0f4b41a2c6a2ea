// The HTML page that boots the IDE (GraphiQL, or GraphQL Playground with IDE=playground) from the
// gateway's own files. Everything it loads is named here, and the Content-Security-Policy says the
// same thing: nothing comes from another origin.
import { createHash } from "node:crypto";
import type { IdeManifest } from "./assets.js";
import type { IdePageConfig } from "./pageConfig.js";
import { IDE_CONFIG_ELEMENT_ID, IDE_ROOT_ELEMENT_ID } from "./pageConfig.js";

/** Where the hashed files are served; `page.ts` and the handler agree on it. */
export const IDE_ASSETS_PATH = "/ide/assets/";

/**
 * - script-src 'self': the bundle is a same-origin file; the config is a JSON data block, which CSP
 *   does not treat as script, so no inline script, nonce or 'unsafe-eval' is needed.
 * - style-src 'self': GraphiQL's styles are one same-origin stylesheet. React and CodeMirror 5 set
 *   element styles through the CSSOM (`el.style.x = ...`), which CSP does not govern (it governs
 *   `<style>` elements and `style` attributes), so no 'unsafe-inline'; the browser test fails if
 *   anything in the page needs it.
 * - font-src 'self': the build turns GraphiQL's inlined fonts into hashed files.
 * - img-src data:: three tiny PNGs stay inline in GraphiQL's CSS, and the page's empty favicon.
 * - connect-src 'self': GraphQL over HTTP to the same origin. In CSP3 ("Does url match expression
 *   in origin with redirect count?"), 'self' also matches ws: and wss: to the same host and port,
 *   which a graphql-ws subscription needs; `ws:`/`wss:` would allow any host. The browser test
 *   checks both in Chromium.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** CSP's hash of the empty string: it allows a `<style>` element only while it has no text. */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * GraphQL Playground's prebuilt bundle, measured in Chromium against the policy above, needs one
 * relaxation, and a narrow one. It styles itself with styled-components 4, which adds an empty
 * `<style>` element at run time and fills it through the CSSOM (`sheet.insertRule`, which CSP does not
 * govern). Under style-src 'self' that element is refused, styled-components finds no sheet (its
 * error 10) and the page stays blank. Allowing the hash of the empty string admits exactly that
 * element, and no inline style with any text in it: no 'unsafe-inline'. Everything else stays as for
 * GraphiQL: scripts (no 'unsafe-eval'), fonts and connections from this origin only.
 */
export const PLAYGROUND_CONTENT_SECURITY_POLICY = IDE_CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${EMPTY_STYLE_HASH}`);

/** Which IDE a page boots. */
export type IdeTool = "graphiql" | "playground";

/**
 * JSON that is safe inside a `<script>` element: the HTML tokenizer ends a script's text at `</script`
 * and treats `<!--` specially (HTML §4.12.1.3), so every `<` becomes `\u003c`. U+2028 and U+2029 are
 * escaped too, so the text is also a valid JavaScript string literal for anyone who pastes it.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface IdePage {
  html: Buffer;
  /** A strong validator for If-None-Match. */
  etag: string;
}

/**
 * The page's stylesheet and scripts, in order: Playground's bundle must run before its boot script.
 * Playground's is a classic (webpack 4) script, not a module, so it is loaded with `defer`: deferred
 * classic scripts and module scripts run in document order once the page is parsed.
 */
function pageFiles(tool: IdeTool, manifest: IdeManifest): { css: string; scripts: Array<{ name: string; module: boolean }> } {
  if (tool === "graphiql") return { css: manifest.css, scripts: [{ name: manifest.js, module: true }] };
  if (manifest.playground === undefined) throw new Error("The IDE build has no GraphQL Playground files: run `npm run build:ide` where it can fetch them once.");
  const { js, css, boot } = manifest.playground;
  return { css, scripts: [{ name: js, module: false }, { name: boot, module: true }] };
}

export function renderIdePage(options: { title: string; manifest: IdeManifest; config: IdePageConfig; tool?: IdeTool }): IdePage {
  const asset = (name: string) => escapeHtml(IDE_ASSETS_PATH + name);
  const files = pageFiles(options.tool ?? "graphiql", options.manifest);
  const scripts = files.scripts.map(({ name, module }) => `<script ${module ? 'type="module"' : "defer"} src="${asset(name)}"></script>`).join("\n");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(files.css)}">
${scripts}
<script type="application/json" id="${IDE_CONFIG_ELEMENT_ID}">${jsonForScriptElement(options.config)}</script>
</head>
<body>
<div id="${IDE_ROOT_ELEMENT_ID}"></div>
<noscript>The GraphQL IDE needs JavaScript. GraphQL itself is served on this path to POST requests.</noscript>
</body>
</html>
`;
  const body = Buffer.from(html, "utf8");
  return { html: body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
}
