// Headless Debian Chromium for the browser tests, driven by playwright-core: every request a page
// makes passes through page.route, where one to a host that is not loopback is aborted and counted
// (the tests assert the count is zero). Closed by node:test's `after` when the file is done.
import { existsSync } from "node:fs";
import { closeWhenDone } from "./leftovers.js";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** For `describe(..., { skip })`: false when Chromium is there. */
export const chromiumMissing: string | false = existsSync(CHROMIUM) ? false : `Debian chromium is not installed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`;
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "localhost", "[::1]"]);

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    timeout: 30_000,
  });
  closeWhenDone(() => browser.close());
  return browser;
}

export interface GuardedPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested, in order. */
  requested: string[];
  /** Requests to a host that is not loopback: aborted, and must stay empty. */
  blocked: string[];
  /** The GraphQL operations the page POSTed or GETted, with their headers. */
  graphqlRequests: Array<{ url: string; method: string; operationName: string | undefined; headers: Record<string, string> }>;
  webSockets: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

function operationNameOf(method: string, url: URL, body: string | null): string | undefined {
  try {
    if (method === "GET") return url.searchParams.get("operationName") ?? undefined;
    const parsed = JSON.parse(body ?? "") as { operationName?: string };
    return parsed.operationName ?? undefined;
  } catch {
    return undefined;
  }
}

export async function openGuardedPage(browser: Browser, options: { width?: number; height?: number; initScript?: () => void } = {}): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 } });
  context.setDefaultTimeout(15_000);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const guarded: GuardedPage = { page, context, requested: [], blocked: [], graphqlRequests: [], webSockets: [], pageErrors: [], consoleErrors: [] };
  await page.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    guarded.requested.push(url.href);
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      guarded.blocked.push(url.href);
      return route.abort("blockedbyclient");
    }
    if (url.pathname === "/graphql" && (request.method() === "POST" || (request.method() === "GET" && url.search !== ""))) {
      guarded.graphqlRequests.push({ url: url.href, method: request.method(), operationName: operationNameOf(request.method(), url, request.postData()), headers: await request.allHeaders() });
    }
    return route.continue();
  });
  page.on("websocket", (ws) => guarded.webSockets.push(ws.url()));
  page.on("pageerror", (error) => guarded.pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") guarded.consoleErrors.push(message.text());
  });
  return guarded;
}

/** Polls `check` until it returns a value: for what the page does in its own time. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Nothing happened within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
