// The example frontend (examples/) in headless Chromium against the demo: the page comes from its
// own dev server on another port, so every call to the gateway is cross-origin (CORS, and the
// WebSocket's origin check). It lists the region's WebSocket APIs, the user picks one (no id is
// typed anywhere), sees its routes with their route response and the models they name, edits one
// with a mutation, sees the request's progress from the subscription, and sees the change; no
// request leaves loopback.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { GuardedPage } from "../support/browser.js";
import { chromiumMissing, eventually, launchChromium, openGuardedPage } from "../support/browser.js";
import type { TestDemo } from "../support/demo.js";
import { startTestDemo } from "../support/demo.js";
import { closeWhenDone } from "../support/leftovers.js";
import {
  DEMO_API_ID,
  DEMO_FEED_API_ID,
  DEMO_GAME_API_ID,
  DEMO_HTTP_API_ID,
  DEMO_MISSING_MODEL_NAME,
  DEMO_MODELS,
  DEMO_ROUTE_RESPONSES,
  DEMO_ROUTES,
} from "../../src/emulator/demoSeed.js";

const DEV_SERVER = fileURLToPath(new URL("../../../examples/dev-server.mjs", import.meta.url));

/** `node examples/dev-server.mjs --port 0`, as a user runs it; resolves with the page's URL. */
async function startDevServer(gatewayUrl: string): Promise<string> {
  const child = spawn(process.execPath, [DEV_SERVER, "--port", "0", "--gateway", gatewayUrl], { stdio: ["ignore", "pipe", "pipe"] });
  closeWhenDone(async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for await (const chunk of child.stdout) {
    output += (chunk as Buffer).toString();
    const url = /Example frontend: (\S+)/.exec(output)?.[1];
    if (url !== undefined) return url;
  }
  throw new Error(`The example's dev server stopped before printing its URL:\n${output}`);
}

describe("the example frontend in headless Chromium, against the demo", { skip: chromiumMissing, timeout: 120_000 }, () => {
  let demo: TestDemo;
  let exampleUrl: string;
  let guarded: GuardedPage;
  const send = DEMO_ROUTE_RESPONSES.sendMessageDefault;

  before(async () => {
    demo = await startTestDemo();
    exampleUrl = await startDevServer(demo.graphqlUrl);
    guarded = await openGuardedPage(await launchChromium(), { width: 1100, height: 760 });
    await guarded.page.goto(exampleUrl, { waitUntil: "load" });
  });

  it("is served from another origin than the gateway", () => {
    assert.notEqual(new URL(exampleUrl).origin, new URL(demo.url).origin);
  });

  it("lists the region's WebSocket APIs to pick from, and no field to type an id into", async () => {
    const { page } = guarded;
    const status = await eventually(async () => {
      const text = await page.locator("#apis-status").innerText();
      return text === "" || text === "Loading…" ? undefined : text;
    });
    assert.equal(status, "3 WebSocket APIs; pick one.");
    const apis = await page.locator('#apis button').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { testid?: string } }).dataset.testid));
    assert.deepEqual(apis, [`api-${DEMO_API_ID}`, `api-${DEMO_FEED_API_ID}`, `api-${DEMO_GAME_API_ID}`]);
    assert.equal(await page.locator(`[data-testid="api-${DEMO_HTTP_API_ID}"]`).count(), 0);
    assert.equal(await page.locator("input").count(), 0);
    assert.ok(await page.locator("#api").isHidden());
  });

  it("picks an API and shows its routes, two-way or one-way, with their route response and the models they name", async () => {
    const { page } = guarded;
    await page.locator(`[data-testid="api-${DEMO_API_ID}"]`).click();
    await page.locator(`[data-testid="route-response-${send}"]`).waitFor();
    assert.equal(await page.locator(`[data-testid="api-${DEMO_API_ID}"]`).getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator("#api-title").innerText(), `Routes of chat-websocket ${DEMO_API_ID}`);
    assert.equal(await page.locator("#status").innerText(), "9 routes (6 two-way, 3 one-way), 6 route responses. Messages pick a route by $request.body.action.");
    assert.equal(await page.locator("#routes tr").count(), Object.keys(DEMO_ROUTES).length);
    const sendRow = page.locator(`[data-testid="route-${DEMO_ROUTES.sendMessage}"]`);
    assert.equal(await sendRow.getAttribute("data-two-way"), "true");
    assert.equal(await page.locator(`[data-testid="expression-${send}"]`).inputValue(), "$context.status");
    assert.equal(await page.locator(`[data-testid="model-ref-${send}-MessageAck"]`).getAttribute("data-missing"), "false");
    // A one-way route has no route response.
    const leave = page.locator(`[data-testid="route-${DEMO_ROUTES.leaveRoom}"]`);
    assert.equal(await leave.getAttribute("data-two-way"), "false");
    assert.match(await leave.innerText(), /one-way\s+no route response/);
    // The name no model of the API has is shown as missing.
    const missing = page.locator(`[data-testid="model-ref-${DEMO_ROUTE_RESPONSES.sendPrivateMessageDefault}-${DEMO_MISSING_MODEL_NAME}"]`);
    assert.equal(await missing.getAttribute("data-missing"), "true");
    assert.match(await missing.innerText(), /missing/);
    assert.equal(await page.locator("#models-status").innerText(), `4 models; named but missing: ${DEMO_MISSING_MODEL_NAME}`);
    const models = await page.locator("#models li").evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { testid?: string } }).dataset.testid));
    assert.deepEqual(models.sort(), Object.keys(DEMO_MODELS).map((name) => `model-${name}`).sort());
  });

  it("edits a route response's model selection expression and shows the request's progress until SUCCESS, over the subscription", async () => {
    const { page } = guarded;
    await page.locator(`[data-testid="expression-${send}"]`).fill("$request.body.version");
    await page.locator(`[data-testid="save-${send}"]`).click();
    await page.locator('[data-testid="progress"] li[data-status="SUCCESS"]').waitFor();
    const statuses = await page.locator('[data-testid="progress"] li').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { status?: string } }).dataset.status));
    assert.deepEqual(statuses, ["IN_PROGRESS", "SUCCESS"]);
    assert.equal(await page.locator("#transport").innerText(), "live, over WebSocket (subscription)");
  });

  it("shows the change in the graph once the request is done", async () => {
    const { page } = guarded;
    const expression = await eventually(async () => {
      const value = await page.locator(`[data-testid="route-response-${send}"]`).getAttribute("data-expression");
      return value === "$request.body.version" ? value : undefined;
    });
    assert.equal(expression, "$request.body.version");
    assert.equal(await page.locator(`[data-testid="expression-${send}"]`).inputValue(), "$request.body.version");
    await page.screenshot({ path: "/tmp/example.png", fullPage: true });
  });

  it("called the gateway across origins, opened its WebSocket, and made no request off loopback", async (t) => {
    const { requested, blocked, graphqlRequests, webSockets, pageErrors, consoleErrors } = guarded;
    t.diagnostic(`requested (${requested.length}): ${requested.join(" ")}`);
    t.diagnostic(`blocked non-loopback requests: ${blocked.length}`);
    t.diagnostic(`GraphQL operations: ${graphqlRequests.map((request) => request.operationName ?? "(unnamed)").join(" ")}`);
    t.diagnostic(`WebSockets: ${webSockets.join(" ")}`);
    assert.deepEqual(blocked, []);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    const operations = graphqlRequests.map((request) => request.operationName);
    assert.deepEqual(operations, ["ListWebSocketApis", "ApiGraph", "SetModelSelectionExpression", "ApiGraph"]);
    for (const request of graphqlRequests) assert.equal(request.headers.origin, new URL(exampleUrl).origin);
    // Only the page's origin and the gateway were asked for anything.
    for (const request of requested) assert.ok(request.startsWith(new URL(exampleUrl).origin) || request.startsWith(demo.graphqlUrl), request);
    assert.deepEqual(webSockets, [`${demo.graphqlUrl.replace(/^http/, "ws")}`]);
  });
});
