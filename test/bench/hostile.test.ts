// The hostile catalogue (bench/hostile.ts) is only worth its figures if each entry is what it says:
// the attacks meant to slip under the limits do, the ones meant to exceed one do, every WebSocket
// form is a subscription, and every body is JSON the doors can read. No gateway here: the documents
// are checked with graphql-js's parser and the gateway's default limits.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { Kind, parse } from "graphql";
import type { DocumentNode, SelectionSetNode } from "graphql";
import { DEFAULT_LIMITS } from "../../src/limits/index.js";
import { HOSTILE_ATTACKS, doorsOf, hostileAttack } from "../../bench/hostile.js";
import type { GraphQLRequestBody } from "../../bench/hostile.js";

/** Selections reached from the operation, spreads followed and counted each time (memoised per fragment). */
function reachedFields(document: DocumentNode): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const memo = new Map<string, number>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + 1 + (selection.selectionSet ? count(selection.selectionSet) : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet);
      const name = selection.name.value;
      if (!memo.has(name)) memo.set(name, count(fragments.get(name)?.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }));
      return total + (memo.get(name) ?? 0);
    }, 0);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  assert.ok(operation?.kind === Kind.OPERATION_DEFINITION);
  return count(operation.selectionSet);
}

const httpRequest = (id: string) => JSON.parse(hostileAttack(id).http?.body ?? "null") as GraphQLRequestBody;
const wsRequest = (id: string) => JSON.parse(hostileAttack(id).ws?.payload ?? "null") as GraphQLRequestBody;
const withinLimits = (query: string) => parse(query, { maxTokens: DEFAULT_LIMITS.maxTokens });

describe("the hostile catalogue", () => {
  it("names every attack once, each with at least one door", () => {
    const ids = HOSTILE_ATTACKS.map((attack) => attack.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const attack of HOSTILE_ATTACKS) {
      assert.match(attack.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(doorsOf(attack).length > 0, attack.id);
    }
    assert.throws(() => hostileAttack("no-such-attack"), /known: fragment-fanout-17/);
  });

  it("sends JSON each door can read, within the body and frame limits", () => {
    for (const attack of HOSTILE_ATTACKS) {
      if (attack.http) {
        assert.ok(Buffer.byteLength(attack.http.body) < DEFAULT_LIMITS.maxBodyBytes, attack.id);
        assert.doesNotThrow(() => JSON.parse(attack.http?.body ?? ""), attack.id);
      }
      if (attack.ws) {
        // The WebSocket server's maxPayload is 1 MiB for the whole subscribe message.
        assert.ok(Buffer.byteLength(attack.ws.payload) < 1024 * 1024 - 100, attack.id);
        assert.equal(typeof wsRequest(attack.id).query, "string", attack.id);
      }
    }
  });

  it("gives WebSocket a subscription and HTTP the kind it says, wherever the document parses", () => {
    for (const attack of HOSTILE_ATTACKS.filter((a) => a.ws !== undefined && a.ws.expected.code !== "GRAPHQL_PARSE_FAILED")) {
      const operation = parse(wsRequest(attack.id).query).definitions[0];
      assert.ok(operation?.kind === Kind.OPERATION_DEFINITION && operation.operation === "subscription", attack.id);
    }
    const operation = parse(httpRequest("deep-json-variable").query).definitions[0];
    assert.ok(operation?.kind === Kind.OPERATION_DEFINITION && operation.operation === "mutation");
  });

  it("slips the stalling attacks under MAX_TOKENS and MAX_DOCUMENT_BYTES", () => {
    for (const id of ["fragment-fanout-17", "fragment-fanout-24", "duplicate-fields-4000", "duplicate-fields-4900", "duplicate-fields-fragments", "introspection-alias-fanout"]) {
      const { query } = httpRequest(id);
      assert.doesNotThrow(() => withinLimits(query), id);
      assert.ok(Buffer.byteLength(query) <= DEFAULT_LIMITS.maxDocumentBytes, id);
    }
  });

  it("exceeds the limit each refusal names", () => {
    for (const id of ["tokens-over-5000", "token-flood-900kb"]) {
      assert.throws(() => withinLimits(httpRequest(id).query), /tokens\. Parsing aborted/, id);
    }
    // The parser's recursion gives out (about 2000 levels) before the token count does.
    assert.throws(() => withinLimits(httpRequest("deep-list-literal").query), /Maximum call stack size exceeded|tokens\. Parsing aborted/);
    assert.ok(Buffer.byteLength(httpRequest("document-over-64kib").query) > DEFAULT_LIMITS.maxDocumentBytes);
    assert.ok(String(httpRequest("string-100kb").variables?.token).length > DEFAULT_LIMITS.maxStringLength);
    assert.ok((httpRequest("nodes-50000-ids").variables?.ids as unknown[]).length > DEFAULT_LIMITS.maxCost);
    assert.equal(reachedFields(withinLimits(httpRequest("aliases-150").query)) - 1, 150);
    assert.ok(Array.isArray(JSON.parse(hostileAttack("batched-array").http?.body ?? "")));
  });

  it("reaches 2^levels fields through a fragment fan-out, and width^3 through the aliased introspection", () => {
    // The root field, then the spreads' leaves.
    assert.equal(reachedFields(parse(httpRequest("fragment-fanout-17").query)), 1 + 2 ** 17);
    assert.equal(reachedFields(parse(wsRequest("fragment-fanout-24").query)), 1 + 2 ** 24);
    // __schema, 20 types, 20 x 20 fields and their types, 20^3 fields with name, type and its name.
    assert.equal(reachedFields(parse(httpRequest("introspection-alias-fanout").query)), 1 + 20 + 2 * 400 + 4 * 8000);
  });

  it("nests the JSON variable 100 000 levels deep, beyond JSON.stringify", () => {
    const body = hostileAttack("deep-json-variable").http?.body ?? "";
    const value = (JSON.parse(body) as GraphQLRequestBody).variables?.value;
    let depth = 0;
    for (let current: unknown = value; Array.isArray(current); current = current[0]) depth += 1;
    assert.equal(depth, 100_000);
  });
});
