// Regenerates docs/ide.png, docs/playground.png and docs/example.png from the demo: starts `npm run
// demo`'s composition in-process on free ports (emulator with the demo seed, the gateway; a second one
// with IDE=playground) and the example's dev server, then drives headless Debian Chromium
// (playwright-core) through the three pages. Requests to any host
// that is not loopback are aborted; the script fails if there was one. Needs the build (dist/).
//
//   npm run screenshots            (builds first)
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const { loadDemoConfig } = await import(join(root, "dist/src/config.js"));
const { startDemo } = await import(join(root, "dist/src/demo.js"));
const { startExampleServer } = await import(join(root, "examples/dev-server.mjs"));

const quiet = { info() {}, warn: (message) => process.stderr.write(`${message}\n`), error: (message, error) => process.stderr.write(`${message} ${error ?? ""}\n`) };
const demo = await startDemo(loadDemoConfig({ PORT: "0", EMULATOR_PORT: "0" }), quiet);
const playgroundDemo = await startDemo(loadDemoConfig({ PORT: "0", EMULATOR_PORT: "0", IDE: "playground" }), quiet);
const example = await startExampleServer({ port: 0, gatewayUrl: demo.graphqlUrl });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const blocked = [];
mkdirSync(join(root, "docs"), { recursive: true });

async function newPage(width, height) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(20_000);
  await page.route("**/*", (route) => {
    const { hostname } = new URL(route.request().url());
    if (["127.0.0.1", "localhost", "[::1]"].includes(hostname)) return route.continue();
    blocked.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  return page;
}

try {
  // The IDE: the first tab (the region's WebSocket APIs) run, then the graph tab (one API's routes
  // with their route response and models), whose query and result the picture shows.
  const ide = await newPage(1440, 900);
  await ide.goto(demo.graphqlUrl, { waitUntil: "load" });
  await ide.locator(".graphiql-container").waitFor();
  await ide.locator(".graphiql-execute-button").click();
  await ide.locator(".graphiql-response").getByText("chat-websocket").first().waitFor();
  await ide.locator(".graphiql-tab").nth(1).click();
  // GraphiQL learns the new tab's operation name 100 ms after the switch (a debounced change
  // handler); run before that and it sends the previous tab's name.
  await ide.waitForFunction(() => globalThis.document.querySelector(".graphiql-query-editor .CodeMirror")?.CodeMirror?.operationName === "ApiRoutesGraph");
  await ide.locator(".graphiql-execute-button").click();
  await ide.locator(".graphiql-response").getByText("rrc0001").first().waitFor();
  // The bottom pane shows the variables (the API it walks), as it opens.
  await ide.locator(".graphiql-editor-tools .active").getByText("Variables", { exact: true }).waitFor();
  await ide.screenshot({ path: join(root, "docs/ide.png") });

  // GraphQL Playground (IDE=playground): the first tab run, its variables pane open.
  const playground = await newPage(1440, 900);
  await playground.goto(playgroundDemo.graphqlUrl, { waitUntil: "load" });
  await playground.locator('[title="Execute Query (Ctrl-Enter)"]').click();
  await playground.getByText("chat-websocket").first().waitFor();
  // The variables pane opens in front by itself (ide/playground.ts).
  await playground.screenshot({ path: join(root, "docs/playground.png") });

  // The example: an API picked from the list, its graph, after an edit has gone through.
  const page = await newPage(1100, 990);
  await page.goto(example.url, { waitUntil: "load" });
  await page.locator('[data-testid="api-chat7a1b2c"]').click();
  await page.locator('[data-testid="route-response-rrs0001"]').waitFor();
  await page.locator('[data-testid="expression-rrs0001"]').fill("$request.body.version");
  await page.locator('[data-testid="save-rrs0001"]').click();
  await page.locator('[data-testid="progress"] li[data-status="SUCCESS"]').waitFor();
  await page.locator('[data-testid="route-response-rrs0001"][data-expression="$request.body.version"]').waitFor();
  await page.screenshot({ path: join(root, "docs/example.png") });
} finally {
  await browser.close();
  await example.close();
  await playgroundDemo.close();
  await demo.close();
}
if (blocked.length > 0) {
  process.stderr.write(`Requests to other hosts were blocked:\n${blocked.join("\n")}\n`);
  process.exit(1);
}
process.stdout.write("docs/ide.png, docs/playground.png and docs/example.png written (no request left loopback).\n");
