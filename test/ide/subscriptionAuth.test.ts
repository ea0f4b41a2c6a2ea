// The IDE's subscriptions with authentication on, in headless Chromium against a real gateway with
// API keys and JWTs: a browser cannot set headers on a WebSocket, so GraphiQL hands the headers pane
// to graphql-ws as connection_init's payload, where the WebSocket door reads credentials. With a key
// that may subscribe typed into the headers pane the live tab follows a write's request to its end; with only the
// pane's placeholder the door refuses the socket (4401), and the placeholder never leaves the page;
// with a read-only key it refuses it (4403), shown at once.
import { strict as assert } from "node:assert";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { DEMO_API_ID, DEMO_REGION, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { AUTH_PLACEHOLDER_HEADERS, routeResponseExamples } from "../../src/ide/index.js";
import type { GuardedPage } from "../support/browser.js";
import { chromiumMissing, eventually, launchChromium, openGuardedPage } from "../support/browser.js";
import { startTestEmulator } from "../support/emulator.js";
import { READ_KEY, WRITE_KEY, apiKey, startSecureGateway } from "../security/support.js";
import type { SecureGateway } from "../security/support.js";

const skip = chromiumMissing;
const VISIBLE_TOOL_EDITOR = ".graphiql-editor-tool .graphiql-editor:not(.hidden)";
const LIVE_TAB = "Follow a resource request live";
const examples = routeResponseExamples();
// At the top level: startSecureGateway closes its server in node:test's `after` of the file.
const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 1500 });
const gateway: SecureGateway = await startSecureGateway(emulator);

interface CodeMirrorElement {
  CodeMirror: { getValue(): string; setValue(text: string): void };
}

async function editorText(page: Page, selector: string): Promise<string> {
  return page.locator(`${selector} .CodeMirror`).first().evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.getValue());
}

async function setEditorText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(`${selector} .CodeMirror`).first().evaluate((element, value) => (element as unknown as CodeMirrorElement).CodeMirror.setValue(value), text);
}

/** A write with wait: false to one of the demo's route responses, for a request the subscription can follow; its requestToken. */
async function startWrite(target: { routeId: string; routeResponseId: string }): Promise<string> {
  const update = examples.find((example) => example.query.includes("mutation UpdateRouteResponseWithSet"));
  assert.ok(update);
  const input = { apiId: DEMO_API_ID, ...target, region: DEMO_REGION, set: { modelSelectionExpression: "$request.body.kind" }, wait: false };
  const answer = await gateway.post({ query: update.query, variables: { input } }, apiKey(WRITE_KEY));
  assert.equal(answer.status, 200, answer.text);
  const token = answer.body.data?.updateRouteResponse?.request?.requestToken as unknown;
  assert.equal(typeof token, "string", answer.text);
  return token as string;
}

describe("the IDE's subscriptions with authentication on", { skip, timeout: 120_000 }, () => {
  let guarded: GuardedPage;
  let page: Page;
  /** What the page sent and received on its WebSockets, parsed. */
  const sent: Array<{ type: string; payload?: Record<string, unknown> }> = [];
  const received: Array<{ type: string; payload?: { data?: { resourceRequestProgress?: { status: string; done: boolean } } } }> = [];

  before(async () => {
    guarded = await openGuardedPage(await launchChromium());
    page = guarded.page;
    page.on("websocket", (socket) => {
      socket.on("framesent", (frame) => sent.push(JSON.parse(String(frame.payload)) as (typeof sent)[number]));
      socket.on("framereceived", (frame) => received.push(JSON.parse(String(frame.payload)) as (typeof received)[number]));
    });
    await page.goto(gateway.graphqlUrl, { waitUntil: "load" });
    await page.locator(".graphiql-container").waitFor();
    await page.locator(".graphiql-tab").getByText(LIVE_TAB, { exact: true }).click();
    await page.waitForFunction(() => {
      const element = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(".graphiql-query-editor .CodeMirror");
      return (element as { CodeMirror?: { operationName?: string } } | null)?.CodeMirror?.operationName === "FollowResourceRequestLive";
    });
  });

  it("shows where a token goes (a placeholder) in the headers pane", async () => {
    await page.locator(".graphiql-editor-tools").getByText("Headers", { exact: true }).click();
    assert.equal(await editorText(page, VISIBLE_TOOL_EDITOR), AUTH_PLACEHOLDER_HEADERS.bearer);
  });

  it("is refused (4401) with only the placeholder, which is not sent", async () => {
    const token = await startWrite({ routeId: DEMO_ROUTES.sendMessage, routeResponseId: DEMO_ROUTE_RESPONSES.sendMessageDefault });
    await page.locator(".graphiql-editor-tools").getByText("Variables", { exact: true }).click();
    await setEditorText(page, VISIBLE_TOOL_EDITOR, JSON.stringify({ requestToken: token, region: DEMO_REGION }));
    await page.locator(".graphiql-execute-button").click();
    const text = await eventually(async () => {
      const value = await editorText(page, ".graphiql-response");
      return /4401/.test(value) ? value : undefined;
    });
    assert.match(text, /closed the subscription's WebSocket: 4401/);
    const init = sent.find((message) => message.type === "connection_init");
    assert.deepEqual(init?.payload ?? {}, {});
    assert.equal(received.filter((message) => message.type === "next").length, 0);
  });

  it("is refused (4403) at once with a key that may not subscribe", async () => {
    await page.locator(".graphiql-editor-tools").getByText("Headers", { exact: true }).click();
    await setEditorText(page, VISIBLE_TOOL_EDITOR, JSON.stringify(apiKey(READ_KEY)));
    sent.length = 0;
    await page.locator(".graphiql-execute-button").click();
    const text = await eventually(async () => {
      const value = await editorText(page, ".graphiql-response");
      return /4403/.test(value) ? value : undefined;
    });
    assert.match(text, /closed the subscription's WebSocket: 4403/);
    // One socket, not graphql-ws's retries: the refusal is final.
    assert.deepEqual(sent.filter((message) => message.type === "connection_init").map((message) => message.payload), [apiKey(READ_KEY)]);
  });

  it("follows a request to its end with the API key typed into the headers pane", async () => {
    const token = await startWrite({ routeId: DEMO_ROUTES.joinRoom, routeResponseId: DEMO_ROUTE_RESPONSES.joinRoomDefault });
    await page.locator(".graphiql-editor-tools").getByText("Variables", { exact: true }).click();
    await setEditorText(page, VISIBLE_TOOL_EDITOR, JSON.stringify({ requestToken: token, region: DEMO_REGION }));
    await page.locator(".graphiql-editor-tools").getByText("Headers", { exact: true }).click();
    await setEditorText(page, VISIBLE_TOOL_EDITOR, JSON.stringify(apiKey(WRITE_KEY)));
    sent.length = 0;
    await page.locator(".graphiql-execute-button").click();
    const events = await eventually(() => {
      const next = received.filter((message) => message.type === "next");
      return next.at(-1)?.payload?.data?.resourceRequestProgress?.done === true ? next : undefined;
    }, 20_000);
    assert.deepEqual(sent.find((message) => message.type === "connection_init")?.payload, apiKey(WRITE_KEY));
    assert.ok(events.length >= 1);
    assert.equal(events.at(-1)?.payload?.data?.resourceRequestProgress?.status, "SUCCESS");
    const shown = await eventually(async () => {
      const value = await editorText(page, ".graphiql-response");
      return /"done": true/.test(value) ? value : undefined;
    });
    assert.match(shown, /"status": "SUCCESS"/);
  });

  it("made no request to another host and no page error", () => {
    assert.deepEqual(guarded.blocked, []);
    assert.deepEqual(guarded.pageErrors, []);
  });
});
