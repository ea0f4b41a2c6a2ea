// The cache's versioning on its own: a read that was in flight while a write invalidated the key must
// never be served afterwards, even though it stores its (old) value after the invalidation; and an
// invalidation that cannot reach the store (here the memory store, switched off and on like a Redis
// that pauses and resumes with its entries) keeps the old entry from this replica until it is retried.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { CacheStore } from "../../src/cache/index.js";
import { createRouteResponseCache, memoryStore } from "../../src/cache/index.js";

/** The memory store, failing every call while `down`. */
function switchable(store: CacheStore) {
  const state = { down: false };
  const up = () => {
    if (state.down) throw new Error("the store is down");
  };
  const wrapped: CacheStore = {
    getMany: async (keys) => (up(), store.getMany(keys)),
    set: async (key, value, ttlMs) => (up(), store.set(key, value, ttlMs)),
    delete: async (key) => (up(), store.delete(key)),
    close: () => store.close(),
  };
  return { store: wrapped, state };
}

function cache(options: { retryMs?: number } = {}) {
  const errors: string[] = [];
  const { store, state } = switchable(memoryStore(100));
  const made = createRouteResponseCache<string>({ store, ttlMs: 60_000, onError: (message) => errors.push(message), retryMs: options.retryMs ?? 60_000 });
  return { cache: made, errors, state };
}

describe("createRouteResponseCache", () => {
  it("reads once, then answers from the cache", async () => {
    const { cache: c } = cache();
    let reads = 0;
    const read = async () => `v${++reads}`;
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v1");
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v1");
    assert.equal(await c.get("eu-west-1", "a|b|c", read), "v2", "regions are separate keys");
    assert.deepEqual({ ...c.counters }, { hits: 1, misses: 2, invalidations: 0, errors: 0, unconfirmed: 0 });
  });

  it("never serves a value read before an invalidation, even if it was stored after it", async () => {
    const { cache: c } = cache();
    let release: (value: string) => void = () => {};
    const slowOldRead = c.get("us-east-1", "a|b|c", () => new Promise<string>((resolve) => (release = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    await c.invalidate("us-east-1", "a|b|c");
    release("old");
    assert.equal(await slowOldRead, "old", "the caller that asked before the write gets what AWS said then");
    let reads = 0;
    assert.equal(await c.get("us-east-1", "a|b|c", async () => `new${++reads}`), "new1", "the next read is a miss");
    assert.equal(await c.get("us-east-1", "a|b|c", async () => `new${++reads}`), "new1", "and is cached");
  });

  it("does not cache null (a route response that does not exist)", async () => {
    const { cache: c } = cache();
    let reads = 0;
    const read = async () => {
      reads += 1;
      return null;
    };
    await c.get("us-east-1", "a|b|c", read);
    await c.get("us-east-1", "a|b|c", read);
    assert.equal(reads, 2);
  });

  it("does not serve what it cached before a write whose invalidation failed, and retries the invalidation", async () => {
    const { cache: c, state, errors } = cache({ retryMs: 20 });
    let reads = 0;
    const read = async () => `v${++reads}`;
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v1");
    state.down = true;
    await c.invalidate("us-east-1", "a|b|c");
    assert.equal(c.counters.unconfirmed, 1);
    assert.equal(errors.length, 1, errors.join("\n"));
    // Back, still holding v1 under the version it was cached with (as a resumed Redis would).
    state.down = false;
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v2", "read from Cloud Control, not v1");
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v3", "and not cached while unconfirmed");
    // The retry replaces the version; reads are cached again.
    for (let attempt = 0; c.counters.unconfirmed > 0; attempt += 1) {
      assert.ok(attempt < 100, "the invalidation was never retried");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v4");
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v4");
  });

  it("does not store a read that was in flight while an invalidation failed, for other replicas to serve", async () => {
    const shared = memoryStore(100);
    const { store, state } = switchable(shared);
    const a = createRouteResponseCache<string>({ store, ttlMs: 60_000, onError: () => {}, retryMs: 60_000 });
    const b = createRouteResponseCache<string>({ store: shared, ttlMs: 60_000, onError: () => {} });
    let release: (value: string) => void = () => {};
    const slowOldRead = a.get("us-east-1", "a|b|c", () => new Promise<string>((resolve) => (release = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    // Only A's path to the store fails (as when Redis is unreachable from one replica).
    state.down = true;
    await a.invalidate("us-east-1", "a|b|c");
    state.down = false;
    release("old");
    assert.equal(await slowOldRead, "old");
    assert.equal(await b.get("us-east-1", "a|b|c", async () => "new"), "new", "B finds nothing A read before the write");
    assert.equal(await a.get("us-east-1", "a|b|c", async () => "new"), "new");
  });

  it("answers every read from Cloud Control while the store is down, and never throws on a write", async () => {
    const { cache: c, state } = cache();
    state.down = true;
    let reads = 0;
    assert.equal(await c.get("us-east-1", "a|b|c", async () => `v${++reads}`), "v1");
    assert.equal(await c.get("us-east-1", "a|b|c", async () => `v${++reads}`), "v2");
    await c.invalidate("us-east-1", "a|b|c");
    assert.deepEqual({ ...c.counters }, { hits: 0, misses: 0, invalidations: 1, errors: 3, unconfirmed: 1 });
  });
});
