// The docs' snippets as a reader runs them. Every GraphQL block in docs/ must be valid against
// schema/ and select `id` on every object that has one, so a normalised client cache updates what it
// shows. The client snippets docs/frontends.md marks with `<!-- snippet: NAME -->` run exactly as
// written (only the URL is the test's): each becomes a module with `query` (the marked subscription),
// `token` and `console.log` in scope, against the demo and, for the refusal, a gateway with
// authentication on. A snippet edited into something that no longer works fails here.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSchema, validate } from "graphql";
import { DEMO_EXAMPLE_IDS } from "../../src/demo.js";
import { DEMO_API_ID, DEMO_ROUTE_RESPONSES, DEMO_ROUTES } from "../../src/emulator/demoSeed.js";
import { startSecureGateway } from "../security/support.js";
import { eventually } from "../support/browser.js";
import type { TestDemo } from "../support/demo.js";
import { startTestDemo } from "../support/demo.js";
import type { Fence } from "../support/docSnippets.js";
import { fences, operationDocument, selectionsWithoutId } from "../support/docSnippets.js";
import { startTestEmulator } from "../support/emulator.js";

/** The repository root, from dist/test/docs/. */
const root = fileURLToPath(new URL("../../../", import.meta.url));
/** The URL the snippets name, which the test replaces with its own gateway's. */
const DOCS_ORIGIN = "127.0.0.1:4000";

const schema = buildSchema(
  readdirSync(join(root, "schema"))
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => readFileSync(join(root, "schema", name), "utf8"))
    .join("\n"),
);
const pages = readdirSync(join(root, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => `docs/${name}`);
const frontends = fences(readFileSync(join(root, "docs/frontends.md"), "utf8"));

function snippet(name: string): Fence {
  const found = frontends.find((fence) => fence.marker === name);
  assert.ok(found, `docs/frontends.md has no <!-- snippet: ${name} --> block`);
  return found;
}

/** What the snippets printed with console.log, by snippet. */
const printed = new Map<string, unknown[]>();
const globals = globalThis as unknown as { snippetLog: (name: string, value: unknown) => void };
globals.snippetLog = (name, value) => printed.get(name)?.push(value);

/** Compiled snippets live next to this file, so that their imports resolve to the project's node_modules. */
const moduleDir = mkdtempSync(join(fileURLToPath(new URL(".", import.meta.url)), "snippets-"));
after(() => rmSync(moduleDir, { recursive: true, force: true }));

/** Runs the snippet `name` against `graphqlUrl`: resolves once its module has run (a for-await loop to its end). */
async function runSnippet(name: string, graphqlUrl: string, token: string): Promise<unknown[]> {
  const { host } = new URL(graphqlUrl);
  const code = snippet(name).code.replaceAll(DOCS_ORIGIN, host);
  assert.notEqual(code, snippet(name).code, `${name} names the gateway at ${DOCS_ORIGIN}`);
  const file = join(moduleDir, `${name}-${printed.size}.mjs`);
  writeFileSync(
    file,
    [
      `const query = ${JSON.stringify(snippet("progress-subscription").code)};`,
      `const token = ${JSON.stringify(token)};`,
      `const console = { log: (value) => globalThis.snippetLog(${JSON.stringify(name)}, value) };`,
      code,
    ].join("\n"),
  );
  const log: unknown[] = [];
  printed.set(name, log);
  await import(pathToFileURL(file).href);
  return log;
}

interface ProgressEvent {
  resourceRequestProgress: { id: string; status: string; done: boolean; routeResponse: { id: string; modelSelectionExpression: string | null } | null };
}

describe("the GraphQL blocks in docs/", () => {
  for (const page of pages) {
    it(`${page}: valid against schema/, selecting id on every object that has one`, () => {
      for (const fence of fences(readFileSync(join(root, page), "utf8")).filter((block) => block.lang === "graphql")) {
        const document = operationDocument(fence.code);
        if (document === undefined) continue;
        const where = `${page}:${fence.line}`;
        assert.deepEqual(
          validate(schema, document).map((error) => error.message),
          [],
          where,
        );
        assert.deepEqual(selectionsWithoutId(schema, document), [], where);
      }
    });
  }

  it("the checker finds a selection without id", () => {
    const document = operationDocument("subscription ($t: String!) { resourceRequestProgress(requestToken: $t) { id routeResponse { routeResponseKey } } }");
    assert.ok(document);
    assert.deepEqual(selectionsWithoutId(schema, document), ["resourceRequestProgress.routeResponse"]);
  });
});

describe("docs/frontends.md's subscription snippets, run as written against the demo", { timeout: 60_000 }, () => {
  let demo: TestDemo;
  let token: string;

  before(async () => {
    demo = await startTestDemo();
    const response = await fetch(demo.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { updateRouteResponse(input: { apiId: "${DEMO_API_ID}", routeId: "${DEMO_ROUTES.sendMessage}", routeResponseId: "${DEMO_ROUTE_RESPONSES.sendMessageDefault}", set: { modelSelectionExpression: "$request.body.docs" }, wait: false }) { request { requestToken status } } }`,
      }),
    });
    const answer = (await response.json()) as { data: { updateRouteResponse: { request: { requestToken: string; status: string } } } };
    assert.equal(answer.data.updateRouteResponse.request.status, "IN_PROGRESS");
    token = answer.data.updateRouteResponse.request.requestToken;
  });

  for (const name of ["graphql-ws", "graphql-sse", "apollo-multipart"]) {
    it(`${name}: follows a demo write to SUCCESS, the route response named by its id`, async () => {
      const log = await runSnippet(name, demo.graphqlUrl, token);
      // Apollo's subscribe() returns at once; its events arrive after.
      const events = await eventually(() => (log.some((event) => (event as ProgressEvent).resourceRequestProgress.done) ? (log as ProgressEvent[]) : undefined), 15_000);
      const last = events.at(-1)?.resourceRequestProgress;
      assert.deepEqual([last?.status, last?.done, last?.routeResponse?.modelSelectionExpression], ["SUCCESS", true, "$request.body.docs"]);
      assert.equal(last?.routeResponse?.id, DEMO_EXAMPLE_IDS.nodeId);
      assert.ok(events.every((event) => typeof event.resourceRequestProgress.id === "string"));
    });
  }
});

describe("docs/frontends.md's graphql-sse snippet, authentication on", () => {
  it("reports a refusal of its placeholder token at once: one request, 401", async () => {
    const gateway = await startSecureGateway(await startTestEmulator({ seed: "demo" }));
    const realFetch = globalThis.fetch;
    let requests = 0;
    // graphql-sse takes the global fetch when its client is made: count what reaches the gateway.
    globalThis.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).startsWith(gateway.graphqlUrl)) requests += 1;
      return realFetch(input, init);
    };
    try {
      await assert.rejects(runSnippet("graphql-sse", gateway.graphqlUrl, "never-looked-up"), (error: Error & { response?: Response }) => {
        assert.equal(error.name, "NetworkError");
        assert.equal(error.response?.status, 401);
        return true;
      });
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.equal(requests, 1);
  });
});
