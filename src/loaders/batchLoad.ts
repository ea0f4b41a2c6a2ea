// The batch function shared by the loaders: every key of a batch fetched in parallel through the
// semaphore, answered in key order, one failure per key (DataLoader's "Represents Errors").
import type DataLoader from "dataloader";
import type { Semaphore } from "../pacing/index.js";

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export function parallelBatch<K, V>(
  getLoader: () => DataLoader<K, V, string>,
  fetchOne: (key: K) => Promise<V>,
  semaphore: Semaphore,
  onBatch?: (size: number) => void,
): DataLoader.BatchLoadFn<K, V> {
  return async (keys) => {
    onBatch?.(keys.length);
    const results = await Promise.all(keys.map((key) => semaphore.run(() => fetchOne(key)).catch(toError)));
    // A failure (throttling, a timeout) is not cached: the next load of that key asks AWS again.
    // The waiting loads still receive this batch's answer; only the cache entry goes.
    results.forEach((result, index) => {
      if (result instanceof Error) getLoader().clear(keys[index] as K);
    });
    return results;
  };
}
