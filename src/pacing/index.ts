export { Semaphore } from "./semaphore.js";
export { TokenBucket } from "./tokenBucket.js";
export type { TokenBucketOptions } from "./tokenBucket.js";
export { DEFAULT_LANE, LaneQueue } from "./laneQueue.js";
export { assignLane, laneOf, principalLane, subscriptionLane } from "./lanes.js";
export type { LaneOwner } from "./lanes.js";
export { untilAborted } from "./untilAborted.js";
export { SharedTokenBucket } from "./sharedBucket.js";
export type { RegionBucket, SharedTokenBucketOptions } from "./sharedBucket.js";
