// GraphQL Playground (IDE=playground) in headless Chromium against the demo: served from the
// gateway's own files (its package's prebuilt bundle, scripts/playground-bundle.mjs) with the page's
// CSP, it opens one tab per example, named as in GraphiQL, and runs a query. Nothing leaves loopback,
// and the page breaks no CSP rule. Its subscriptions speak the legacy subscriptions-transport-ws
// protocol, which the gateway's graphql-ws door does not: the test records that refusal as the
// documented behaviour (docs/ide.md).
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { DEMO_API_ID, DEMO_FEED_API_ID, DEMO_GAME_API_ID } from "../../src/emulator/demoSeed.js";
import { PLAYGROUND_CONTENT_SECURITY_POLICY, routeResponseExamples } from "../../src/ide/index.js";
import type { GuardedPage } from "../support/browser.js";
import { chromiumMissing, eventually, launchChromium, openGuardedPage } from "../support/browser.js";
import type { TestDemo } from "../support/demo.js";
import { startTestDemo } from "../support/demo.js";

const ASSETS_DIR = fileURLToPath(new URL("../../ide/", import.meta.url));
const MANIFEST = `${ASSETS_DIR}manifest.json`;
const built = existsSync(MANIFEST) && /"playground"/.test(readFileSync(MANIFEST, "utf8"));
const skip = chromiumMissing || (built ? false : "the IDE build has no GraphQL Playground files (npm run build:ide could not fetch them)");
const EXECUTE = '[title="Execute Query (Ctrl-Enter)"]';

interface PageGlobals {
  cspViolations: string[];
  document: { addEventListener(type: "securitypolicyviolation", listener: (event: { effectiveDirective: string; blockedURI: string }) => void): void };
}

function recordCspViolations(): void {
  const page = globalThis as unknown as PageGlobals;
  page.cspViolations = [];
  page.document.addEventListener("securitypolicyviolation", (event) => page.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`));
}

describe("GraphQL Playground (IDE=playground) in headless Chromium", { skip, timeout: 120_000 }, () => {
  let gateway: TestDemo;
  let guarded: GuardedPage;
  let page: Page;
  const bodies: Array<{ operationName?: string; variables?: Record<string, unknown> }> = [];
  const sockets: Array<{ url: string; protocol: string | undefined; received: number; closed: boolean }> = [];
  const examples = routeResponseExamples();

  before(async () => {
    gateway = await startTestDemo({ IDE: "playground" });
    guarded = await openGuardedPage(await launchChromium(), { initScript: recordCspViolations });
    page = guarded.page;
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname === "/graphql") bodies.push(JSON.parse(request.postData() ?? "{}") as (typeof bodies)[number]);
    });
    page.on("websocket", (socket) => {
      const entry = { url: socket.url(), protocol: undefined as string | undefined, received: 0, closed: false };
      sockets.push(entry);
      socket.on("framereceived", () => (entry.received += 1));
      socket.on("close", () => (entry.closed = true));
    });
    const response = await page.goto(`${gateway.url}/graphql`, { waitUntil: "load" });
    assert.equal(response?.headers()["content-security-policy"], PLAYGROUND_CONTENT_SECURITY_POLICY);
    await page.locator(EXECUTE).waitFor();
  });

  it("opens one tab per example, named by what it does", async () => {
    for (const example of examples) await page.getByText(example.name, { exact: true }).first().waitFor();
  });

  it("opens each tab on its Query Variables, shown rather than collapsed behind HTTP Headers", async () => {
    // The variables editor is mounted only while Query Variables is the active pane; its height is
    // a title bar's when the pane is collapsed.
    const shown = await eventually(() =>
      page.evaluate(() => {
        type Editor = { CodeMirror?: { getValue(): string }; getBoundingClientRect(): { height: number } };
        const editors = [...(globalThis as unknown as { document: { querySelectorAll(s: string): Editor[] } }).document.querySelectorAll(".CodeMirror")];
        const variables = editors.find((editor) => editor.CodeMirror?.getValue().includes('"first": 10'));
        return variables === undefined ? undefined : variables.getBoundingClientRect().height;
      }),
    );
    assert.ok(shown > 100, `the variables editor is ${shown} px high`);
  });

  it("runs the first example with its variables and shows the demo's WebSocket APIs", async () => {
    await page.locator(EXECUTE).click();
    await page.getByText("chat-websocket").first().waitFor();
    const text = await page.locator("body").innerText();
    for (const apiId of [DEMO_API_ID, DEMO_FEED_API_ID, DEMO_GAME_API_ID]) assert.match(text, new RegExp(apiId));
    const run = bodies.find((body) => body.operationName === "ListWebSocketApis");
    assert.deepEqual(run?.variables, { region: "us-east-1", first: 10, after: null });
  });

  it("cannot subscribe: its legacy subscriptions-transport-ws socket is refused by the graphql-ws door", async () => {
    await page.getByText("Follow a resource request live", { exact: true }).first().click();
    await page.locator(EXECUTE).click();
    const socket = await eventually(() => sockets.find((entry) => entry.closed));
    assert.equal(new URL(socket.url).pathname, "/graphql");
    // Refused before any message: the door speaks graphql-transport-ws only.
    assert.equal(socket.received, 0);
  });

  it("made no request to another host and broke no CSP rule", async () => {
    assert.deepEqual(guarded.blocked, []);
    for (const url of guarded.requested) assert.ok(url.startsWith(`${gateway.url}/`), url);
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as PageGlobals).cspViolations), []);
    assert.deepEqual(guarded.pageErrors, []);
  });
});
