export { Semaphore } from "./semaphore.js";
export { TokenBucket } from "./tokenBucket.js";
export type { TokenBucketOptions } from "./tokenBucket.js";
export { untilAborted } from "./untilAborted.js";
export { operationDeadline } from "./operationDeadline.js";
