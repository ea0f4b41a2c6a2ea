// The IDE in a real browser: headless Debian Chromium, driven by playwright-core, against the real
// gateway of `npm run demo` (the emulator with the demo seed, on loopback). Every request the page
// makes passes through page.route: one to any other host is aborted and counted, and the count must
// be zero. The page runs an example and must show the demo's data, then every tab as shipped (the
// subscription over its WebSocket included) without an error, with no Content-Security-Policy
// violation on the way. The editor column is wider than the result, so the tabs' comments show whole.
import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { DEMO_EXAMPLE_IDS } from "../../src/demo.js";
import { DEMO_API_ID, DEMO_FEED_API_ID, DEMO_GAME_API_ID, DEMO_HTTP_API_ID, DEMO_REQUEST_TOKEN } from "../../src/emulator/demoSeed.js";
import { routeResponseExamples } from "../../src/ide/index.js";
import type { GuardedPage } from "../support/browser.js";
import { chromiumMissing, eventually, launchChromium, openGuardedPage } from "../support/browser.js";
import type { TestDemo } from "../support/demo.js";
import { demoWritesSettled, startTestDemo } from "../support/demo.js";

const skip = chromiumMissing;
/** dist/ide, which `npm run build:ide` writes, from dist/test/ide/. */
const ASSETS_DIR = fileURLToPath(new URL("../../ide/", import.meta.url));
const SCREENSHOT = "/tmp/ide.png";
/** The variables or headers editor, whichever is shown. */
const VISIBLE_TOOL_EDITOR = ".graphiql-editor-tool .graphiql-editor:not(.hidden)";
/** The ids src/demo.ts gives the IDE's examples. */
const DEMO_IDS = DEMO_EXAMPLE_IDS;

interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

/** The browser globals the page functions below touch (this test compiles without the DOM library). */
interface PageGlobals {
  cspViolations: CspViolation[];
  document: {
    addEventListener(type: "securitypolicyviolation", listener: (event: { effectiveDirective: string; blockedURI: string; sample: string }) => void): void;
  };
  WebSocket: new (url: string) => { onopen: (() => void) | null; onerror: (() => void) | null };
}

/** Runs in every document before its scripts: keeps the page's CSP violation reports. */
function recordCspViolations(): void {
  const page = globalThis as unknown as PageGlobals;
  page.cspViolations = [];
  page.document.addEventListener("securitypolicyviolation", (event) => {
    page.cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
  });
}

async function cspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).cspViolations);
}

/** The whole text of the CodeMirror editor inside `selector` (the DOM holds only the lines in view). */
async function editorText(page: Page, selector: string): Promise<string> {
  return page
    .locator(`${selector} .CodeMirror`)
    .first()
    .evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
}

/** Waits until the editor inside `selector` holds `text`, and returns its whole text. */
async function editorTextContaining(page: Page, selector: string, text: string): Promise<string> {
  return eventually(async () => {
    const value = await editorText(page, selector);
    return value.includes(text) ? value : undefined;
  });
}

describe("the IDE in headless Chromium", { skip, timeout: 120_000 }, () => {
  let browser: Browser;
  let page: Page;
  let guarded: GuardedPage;
  let gateway: TestDemo;
  const consoleCspMessages: string[] = [];
  const examples = routeResponseExamples(DEMO_IDS);

  before(async () => {
    assert.ok(existsSync(`${ASSETS_DIR}manifest.json`), `No IDE build in ${ASSETS_DIR}: run \`npm run build:ide\` first.`);
    gateway = await startTestDemo();
    browser = await launchChromium();
    guarded = await openGuardedPage(browser, { initScript: recordCspViolations });
    page = guarded.page;
    page.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) consoleCspMessages.push(message.text());
    });
    await page.goto(`${gateway.url}/graphql`, { waitUntil: "load" });
    await page.locator(".graphiql-container").waitFor();
  });

  it("opens one tab per example, titled by what it does, with the variables pane showing its variables and no header", async () => {
    await page.locator(".graphiql-tab").nth(examples.length - 1).waitFor();
    const titles = await page.locator(".graphiql-tab").allInnerTexts();
    assert.deepEqual(
      titles.map((title) => title.trim()),
      examples.map((example) => example.name),
    );
    // The bottom pane opens on the variables, which the demo's ids fill.
    assert.deepEqual(JSON.parse(await editorText(page, VISIBLE_TOOL_EDITOR)), JSON.parse(examples[0]?.variables ?? ""));
    // The demo needs no credentials: no placeholder Authorization header.
    await page.locator(".graphiql-editor-tools").getByText("Headers", { exact: true }).click();
    assert.equal((await editorText(page, VISIBLE_TOOL_EDITOR)).trim(), "");
    await page.locator(".graphiql-editor-tools").getByText("Variables", { exact: true }).click();
  });

  it("gives the editor column more room than the result, so each tab's comment lines show whole", async () => {
    // Narrower than the default 1400 px: at GraphiQL's own half-and-half split, lines got cut here.
    await page.setViewportSize({ width: 1200, height: 900 });
    try {
      const width = (selector: string) => page.locator(selector).first().evaluate((element) => (element as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width);
      const editors = await width(".graphiql-editors");
      const response = await width(".graphiql-response");
      assert.ok(editors > 1.3 * response, `editors ${editors} px, response ${response} px`);
      for (let index = 0; index < examples.length; index++) {
        await page.locator(".graphiql-tab").nth(index).click();
        const firstLine = examples[index]?.query.split("\n")[0] ?? "";
        await editorTextContaining(page, ".graphiql-query-editor", firstLine);
        const cut = await page.locator(".graphiql-query-editor .CodeMirror").evaluate((element) => {
          type Box = { getBoundingClientRect(): { right: number }; textContent: string | null };
          const editor = element as unknown as Box & { querySelectorAll(selector: string): Box[] };
          const right = editor.getBoundingClientRect().right;
          return [...editor.querySelectorAll(".CodeMirror-line > span")]
            .filter((line) => line.textContent?.startsWith("#"))
            .filter((line) => line.getBoundingClientRect().right > right)
            .map((line) => line.textContent);
        });
        assert.deepEqual(cut, [], examples[index]?.name);
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.locator(".graphiql-tab").nth(0).click();
    }
  });

  it("keeps GraphiQL's title, the operation name, for a tab whose operation is renamed", async () => {
    await page.locator(".graphiql-tab").nth(1).click();
    const queryEditor = ".graphiql-query-editor";
    await editorTextContaining(page, queryEditor, "ApiRoutesGraph");
    await page.locator(`${queryEditor} .CodeMirror`).evaluate((element) => {
      const editor = (element as unknown as { CodeMirror: { getValue(): string; setValue(text: string): void } }).CodeMirror;
      editor.setValue(editor.getValue().replace("ApiRoutesGraph", "MyGraph"));
    });
    await eventually(async () => ((await page.locator(".graphiql-tab").nth(1).innerText()).trim() === "MyGraph" ? true : undefined));
    await page.locator(`${queryEditor} .CodeMirror`).evaluate((element) => {
      const editor = (element as unknown as { CodeMirror: { getValue(): string; setValue(text: string): void } }).CodeMirror;
      editor.setValue(editor.getValue().replace("MyGraph", "ApiRoutesGraph"));
    });
    await eventually(async () => ((await page.locator(".graphiql-tab").nth(1).innerText()).trim() === examples[1]?.name ? true : undefined));
    await page.locator(".graphiql-tab").nth(0).click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { CodeMirror?: { operationName?: string } } | null } }).document.querySelector(".graphiql-query-editor .CodeMirror")?.CodeMirror?.operationName === "ListWebSocketApis");
  });

  it("runs the first example and shows the demo's WebSocket APIs in the result pane", async () => {
    await page.locator(".graphiql-execute-button").click();
    const text = await editorTextContaining(page, ".graphiql-response", DEMO_API_ID);
    const result = JSON.parse(text) as { data: { apis: { edges: Array<{ node: { apiId: string; name: string } }> } } };
    assert.deepEqual(Object.keys(result), ["data"]);
    assert.deepEqual(
      result.data.apis.edges.map((edge) => edge.node.apiId),
      [DEMO_API_ID, DEMO_FEED_API_ID, DEMO_GAME_API_ID],
    );
    assert.match(text, /"name": "chat-websocket"/);
    assert.match(text, /"protocolType": "WEBSOCKET"/);
    // The HTTP API is filtered out by protocolType.
    assert.doesNotMatch(text, new RegExp(DEMO_HTTP_API_ID));
    await page.screenshot({ path: SCREENSHOT });
  });

  it("sent the operation once, to its own origin, with no Authorization header", () => {
    const runs = guarded.graphqlRequests.filter((request) => request.operationName === "ListWebSocketApis");
    assert.equal(runs.length, 1);
    assert.equal(runs[0]?.headers.authorization, undefined);
    // The rest is GraphiQL's schema introspection, also without it.
    for (const request of guarded.graphqlRequests) assert.equal(request.headers.authorization, undefined);
    assert.ok(guarded.graphqlRequests.some((request) => request.operationName === "IntrospectionQuery"));
  });

  it("sends an Authorization header once the user writes one", async () => {
    await page.locator(".graphiql-editor-tools").getByText("Headers", { exact: true }).click();
    const headersEditor = page.locator(`${VISIBLE_TOOL_EDITOR} .CodeMirror`);
    await headersEditor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText('{"Authorization": "Bearer abc.def"}');
    const before = guarded.graphqlRequests.length;
    await page.locator(".graphiql-execute-button").click();
    const runs = await eventually(() => {
      const found = guarded.graphqlRequests.slice(before).filter((request) => request.operationName === "ListWebSocketApis");
      return found.length > 0 ? found : undefined;
    });
    assert.equal(runs.length, 1);
    assert.equal(runs[0]?.headers.authorization, "Bearer abc.def");
  });

  it("opens the schema docs and the history", async () => {
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByText("Query", { exact: true }).first().waitFor();
    await docs.getByText("Query", { exact: true }).first().click();
    await docs.getByText("apis", { exact: true }).first().waitFor();
    await page.getByRole("button", { name: "Show History" }).click();
    await page.locator(".graphiql-history").getByText("ListWebSocketApis").first().waitFor();
  });

  it("opens the settings and shortcuts dialogs, which lock the page's scrolling without inline styles", async () => {
    const scrollLock = () =>
      page.evaluate(() => {
        const { document: doc, getComputedStyle: style } = globalThis as unknown as {
          document: { body: { hasAttribute(name: string): boolean } };
          getComputedStyle(element: unknown): { overflow: string };
        };
        return { locked: doc.body.hasAttribute("data-scroll-locked"), overflow: style(doc.body).overflow };
      });
    for (const name of ["Open settings dialog", "Open short keys dialog"]) {
      await page.getByRole("button", { name }).click();
      await page.getByRole("dialog").waitFor();
      // react-remove-scroll's rules, applied through a constructable stylesheet (ide/styleSheetSingleton.ts).
      assert.deepEqual(await scrollLock(), { locked: true, overflow: "hidden" }, name);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "detached" });
      assert.equal((await scrollLock()).locked, false, name);
    }
  });

  it("lets the page open a WebSocket to its own origin only (connect-src 'self')", async () => {
    const outcome = await page.evaluate(async (port) => {
      const globals = globalThis as unknown as PageGlobals;
      const attempt = (url: string) =>
        new Promise<string>((resolve) => {
          try {
            const socket = new globals.WebSocket(url);
            socket.onopen = () => resolve("open");
            socket.onerror = () => resolve("error");
          } catch (error) {
            resolve(`threw ${(error as Error).name}`);
          }
        });
      const before = globals.cspViolations.length;
      const same = await attempt(`ws://127.0.0.1:${port}/graphql`);
      const sameViolations = globals.cspViolations.length - before;
      const other = await attempt(`ws://127.0.0.1:${port + 1}/graphql`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const otherViolations = globals.cspViolations.slice(before + sameViolations).map((v) => v.blocked);
      // Expected ones: the final check asserts that nothing else was reported.
      globals.cspViolations.length = before;
      return { same, sameViolations, other, otherViolations };
    }, gateway.port);
    // Same origin: allowed by CSP, and the gateway takes the upgrade (subscriptions live there).
    assert.equal(outcome.sameViolations, 0, JSON.stringify(outcome));
    assert.equal(outcome.same, "open", JSON.stringify(outcome));
    // Another port on the same host is another origin: CSP blocks it before any connection.
    const otherOrigin = `ws://127.0.0.1:${gateway.port + 1}/graphql`;
    assert.deepEqual(outcome.otherViolations, [otherOrigin], JSON.stringify(outcome));
    // That violation was expected: the final check asserts that nothing else was reported.
    const expected = consoleCspMessages.filter((message) => message.includes(otherOrigin));
    assert.equal(expected.length, 1, consoleCspMessages.join("\n"));
    consoleCspMessages.splice(consoleCspMessages.indexOf(expected[0] ?? ""), 1);
  });

  it("runs every tab as shipped, the subscription included, without an error", async () => {
    const results = new Map<string, { data?: Record<string, unknown> | null; errors?: unknown[] }>();
    for (let index = 0; index < examples.length; index++) {
      const example = examples[index];
      if (example === undefined) continue;
      const operationName = /^(?:query|mutation|subscription) (\w+)/m.exec(example.query)?.[1];
      await page.locator(".graphiql-tab").nth(index).click();
      await page.waitForFunction(
        (name) => (globalThis as unknown as { document: { querySelector(s: string): { CodeMirror?: { operationName?: string } } | null } }).document.querySelector(".graphiql-query-editor .CodeMirror")?.CodeMirror?.operationName === name,
        operationName,
      );
      await page.locator(".graphiql-execute-button").click();
      // A tab's result pane is empty until it runs; a subscription shows its last event once done.
      const text = await eventually(async () => {
        const value = await editorText(page, ".graphiql-response");
        return /"(data|errors)"/.test(value) && !(await page.locator(".graphiql-execute-button[aria-label*='Stop']").count()) ? value : undefined;
      }, 15_000);
      results.set(example.name, JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] });
      await demoWritesSettled(gateway);
    }
    assert.deepEqual([...results.keys()], examples.map((example) => example.name));
    for (const [name, result] of results) {
      assert.equal(result.errors, undefined, `${name}: ${JSON.stringify(result.errors)}`);
      assert.ok(result.data, name);
    }
    const live = results.get("Follow a resource request live")?.data?.resourceRequestProgress as { requestToken: string; status: string; done: boolean };
    assert.deepEqual([live.requestToken, live.status, live.done], [DEMO_REQUEST_TOKEN, "SUCCESS", true]);
    const deleted = results.get("Delete a route response")?.data?.deleteRouteResponse as { request: { status: string } };
    assert.equal(deleted.request.status, "SUCCESS");
    const node = results.get("Look up an object by id")?.data?.node as { __typename: string; id: string };
    assert.deepEqual([node.__typename, node.id], ["RouteResponse", DEMO_IDS.nodeId]);
  });

  it("made no request to another host, and broke no Content-Security-Policy rule", async (t) => {
    const { requested, blocked, webSockets, consoleErrors, pageErrors } = guarded;
    t.diagnostic(`requested (${requested.length}): ${requested.map((url) => url.replace(gateway.url, "")).join(" ")}`);
    t.diagnostic(`blocked non-loopback requests: ${blocked.length}`);
    t.diagnostic(`GraphQL operations: ${guarded.graphqlRequests.map((request) => request.operationName ?? "(unnamed)").join(" ")}`);
    t.diagnostic(`WebSockets: ${webSockets.join(" ")}; console errors: ${consoleErrors.length}`);
    assert.deepEqual(blocked, []);
    assert.ok(requested.length > 0);
    for (const url of requested) assert.ok(url.startsWith(`${gateway.url}/`), url);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(consoleCspMessages, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(
      consoleErrors.filter((message) => !/Content[- ]Security[- ]Policy/i.test(message)),
      [],
    );
  });
});
