export { Semaphore } from "./semaphore.js";
export { TokenBucket } from "./tokenBucket.js";
export type { TokenBucketOptions } from "./tokenBucket.js";
