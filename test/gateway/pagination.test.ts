// routeResponses across several Cloud Control pages: the emulator answers 7 items per ListResources
// page, the client asks for other page sizes, and the cursors carry the NextToken in between.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { startTestEmulator } from "../support/emulator.js";
import { LENIENT_KEYS, codesOf, responseIdAt, routeWithResponses, startTestGateway } from "./harness.js";

const API = "page000001";
const ROUTE = "page001";
const OTHER_ROUTE = "page002";
const TOTAL = 30;
const AWS_PAGE_SIZE = 7;

const emulator = await startTestEmulator({ ...LENIENT_KEYS, listPageSize: AWS_PAGE_SIZE });
emulator.seed(routeWithResponses(API, ROUTE, TOTAL));
emulator.seed({
  resources: [{ typeName: "AWS::ApiGatewayV2::Route", properties: { ApiId: API, RouteId: OTHER_ROUTE, RouteKey: "other" } }],
});
const gateway = await startTestGateway(emulator);

const PAGE = `query($first: Int, $after: String, $routeId: String! = "${ROUTE}") {
  routeResponses(apiId: "${API}", routeId: $routeId, first: $first, after: $after) {
    edges { cursor node { routeResponseId } }
    nodes { routeResponseId }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface PageResult {
  ids: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  endCursor: string | null;
  listCalls: number;
}

async function page(first: number | null | undefined, after: string | null): Promise<PageResult> {
  emulator.resetStats();
  const response = await gateway.query(PAGE, { first, after });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  const connection = response.data.routeResponses;
  const ids = connection.edges.map((edge: { node: { routeResponseId: string } }) => edge.node.routeResponseId);
  assert.deepEqual(connection.nodes.map((node: { routeResponseId: string }) => node.routeResponseId), ids, "nodes mirror edges");
  assert.equal(connection.pageInfo.startCursor, connection.edges[0]?.cursor ?? null);
  assert.equal(connection.pageInfo.endCursor, connection.edges.at(-1)?.cursor ?? null);
  assert.equal(emulator.stats().operations.GetResource.calls, 0, "identifier fields need no GetResource");
  return { ids, ...connection.pageInfo, listCalls: emulator.stats().operations.ListResources.calls };
}

const ALL_IDS = Array.from({ length: TOTAL }, (_, index) => responseIdAt(index + 1));

describe("routeResponses pagination", () => {
  it("walks all items in order with first: 10 across AWS pages of 7", async () => {
    const seen: string[] = [];
    const calls: number[] = [];
    let after: string | null = null;
    for (let round = 0; round < 10; round += 1) {
      const result = await page(10, after);
      seen.push(...result.ids);
      calls.push(result.listCalls);
      assert.equal(result.hasPreviousPage, after !== null);
      if (!result.hasNextPage) break;
      after = result.endCursor;
    }
    assert.deepEqual(seen, ALL_IDS);
    // AWS pages: 1-7, 8-14, 15-21, 22-28, 29-30. Items 1-10 read pages 1-2, items 11-20 pages 2-3,
    // items 21-30 pages 3-5: each call re-reads only the page its cursor points into.
    assert.deepEqual(calls, [2, 2, 3]);
  });

  it("reads exactly one AWS page per call when first matches the AWS page size", async () => {
    const seen: string[] = [];
    const calls: number[] = [];
    let after: string | null = null;
    let hasNextPage = true;
    while (hasNextPage) {
      const result = await page(AWS_PAGE_SIZE, after);
      seen.push(...result.ids);
      calls.push(result.listCalls);
      hasNextPage = result.hasNextPage;
      after = result.endCursor;
    }
    assert.deepEqual(seen, ALL_IDS);
    assert.deepEqual(calls, [1, 1, 1, 1, 1]);
  });

  it("resumes after any edge cursor, not only the end cursor", async () => {
    emulator.resetStats();
    const response = await gateway.query(PAGE, { first: 5 });
    const third = response.data.routeResponses.edges[2].cursor as string;
    const next = await page(3, third);
    assert.deepEqual(next.ids, [responseIdAt(4), responseIdAt(5), responseIdAt(6)]);
    assert.equal(next.listCalls, 1);
  });

  it("defaults first to 25 and ends with hasNextPage false", async () => {
    const firstPage = await page(undefined, null);
    assert.deepEqual(firstPage.ids, ALL_IDS.slice(0, 25));
    assert.equal(firstPage.hasNextPage, true);
    const last = await page(undefined, firstPage.endCursor);
    assert.deepEqual(last.ids, ALL_IDS.slice(25));
    assert.equal(last.hasNextPage, false);
  });

  it("takes an explicit null first as the SDL's default", async () => {
    const firstPage = await page(null, null);
    assert.deepEqual(firstPage.ids, ALL_IDS.slice(0, 25));
    const literal = await gateway.query(`{ routeResponses(apiId: "${API}", routeId: "${ROUTE}", first: null) { nodes { routeResponseId } } }`);
    assert.equal(literal.errors, undefined, JSON.stringify(literal.errors));
    assert.equal(literal.data.routeResponses.nodes.length, 25);
  });

  it("answers an empty page for a route without route responses", async () => {
    const empty = await gateway.query(PAGE, { routeId: OTHER_ROUTE });
    assert.equal(empty.errors, undefined);
    assert.deepEqual(empty.data.routeResponses, {
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it("rejects first outside 1..100, malformed cursors and cursors of another listing, before any call", async () => {
    const firstPage = await page(2, null);
    const cursor = firstPage.endCursor as string;
    emulator.resetStats();
    const cases: Array<Record<string, unknown>> = [
      { first: 0 },
      { first: -1 },
      { first: 101 },
      { first: 2, after: "garbage" },
      { first: 2, after: cursor.slice(0, -2) },
      { first: 2, after: `${cursor}x` },
      { first: 2, after: Buffer.from(JSON.stringify({ v: 1, s: "x", t: null, o: 1 })).toString("base64url") },
      { first: 2, after: cursor, routeId: OTHER_ROUTE },
    ];
    for (const variables of cases) {
      const response = await gateway.query(PAGE, variables);
      assert.deepEqual(codesOf(response), ["BAD_USER_INPUT"], JSON.stringify(variables));
      // The root field is nullable: the refusal nulls it alone.
      assert.deepEqual(response.data, { routeResponses: null });
    }
    assert.equal(emulator.stats().total, 0);
  });
});
