// The cache's versioning on its own: a read that was in flight while a write invalidated the key must
// never be served afterwards, even though it stores its (old) value after the invalidation.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { createRouteResponseCache, memoryStore } from "../../src/cache/index.js";

function cache() {
  const errors: string[] = [];
  const made = createRouteResponseCache<string>({ store: memoryStore(100), ttlMs: 60_000, onError: (message) => errors.push(message) });
  return { cache: made, errors };
}

describe("createRouteResponseCache", () => {
  it("reads once, then answers from the cache", async () => {
    const { cache: c } = cache();
    let reads = 0;
    const read = async () => `v${++reads}`;
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v1");
    assert.equal(await c.get("us-east-1", "a|b|c", read), "v1");
    assert.equal(await c.get("eu-west-1", "a|b|c", read), "v2", "regions are separate keys");
    assert.deepEqual({ ...c.counters }, { hits: 1, misses: 2, invalidations: 0, errors: 0 });
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
});
