// The example frontend (examples/) in headless Chromium against the demo: the page comes from its
// own dev server on another port, so every call to the gateway is cross-origin (CORS, and the
// WebSocket's origin check). It lists the route's responses, edits one with a mutation, shows the
// request's progress from the subscription, and lists the change; no request leaves loopback.
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

  before(async () => {
    demo = await startTestDemo();
    exampleUrl = await startDevServer(demo.graphqlUrl);
    guarded = await openGuardedPage(await launchChromium(), { width: 1100, height: 760 });
    await guarded.page.goto(exampleUrl, { waitUntil: "load" });
  });

  it("is served from another origin than the gateway", () => {
    assert.notEqual(new URL(exampleUrl).origin, new URL(demo.url).origin);
  });

  it("lists the route's responses", async () => {
    const { page } = guarded;
    const status = await eventually(async () => {
      const text = await page.locator("#status").innerText();
      return text === "" || text === "Loading…" ? undefined : text;
    });
    // A WebSocket route holds at most one route response, its $default.
    assert.match(status, /^1 route response\./);
    await page.locator('[data-testid="route-response-rrs0001"]').waitFor();
    assert.equal(await page.locator('[data-testid="expression-rrs0001"]').inputValue(), "$context.status");
  });

  it("edits the model selection expression and shows the request's progress until SUCCESS, over the subscription", async () => {
    const { page } = guarded;
    await page.locator('[data-testid="expression-rrs0001"]').fill("$request.body.version");
    await page.locator('[data-testid="save-rrs0001"]').click();
    await page.locator('[data-testid="progress"] li[data-status="SUCCESS"]').waitFor();
    const statuses = await page.locator('[data-testid="progress"] li').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { status?: string } }).dataset.status));
    assert.deepEqual(statuses, ["IN_PROGRESS", "SUCCESS"]);
    assert.equal(await page.locator("#transport").innerText(), "live, over WebSocket (subscription)");
  });

  it("lists the change once the request is done", async () => {
    const { page } = guarded;
    const expression = await eventually(async () => {
      const value = await page.locator('[data-testid="route-response-rrs0001"]').getAttribute("data-expression");
      return value === "$request.body.version" ? value : undefined;
    });
    assert.equal(expression, "$request.body.version");
    await page.screenshot({ path: "/tmp/example.png" });
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
    assert.deepEqual(operations, ["ListRouteResponses", "SetModelSelectionExpression", "ListRouteResponses"]);
    for (const request of graphqlRequests) assert.equal(request.headers.origin, new URL(exampleUrl).origin);
    assert.deepEqual(webSockets, [`${demo.graphqlUrl.replace(/^http/, "ws")}`]);
  });
});
