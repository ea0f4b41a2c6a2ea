// The HTML page that boots GraphiQL from the gateway's own files. Everything it loads is named here,
// and the Content-Security-Policy says the same thing: nothing comes from another origin.
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

export function renderIdePage(options: { title: string; manifest: IdeManifest; config: IdePageConfig }): IdePage {
  const asset = (name: string) => escapeHtml(IDE_ASSETS_PATH + name);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(options.manifest.css)}">
<script type="module" src="${asset(options.manifest.js)}"></script>
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
