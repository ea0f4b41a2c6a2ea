// The regions AWS has, as the AWS SDK knows them: the partition data it resolves endpoints with
// (partitions.js of @aws-sdk/core), read through the SDK's own `partition` function rather than a
// list kept here, so a newer SDK brings newer regions. By default the gateway serves only these
// (region.ts): each region served costs an SDK client and a token bucket.
import { partition } from "@aws-sdk/core/client";
import { isRegionName } from "./region.js";

/**
 * True for a region of any AWS partition (`us-east-1`, `cn-north-1`, `us-gov-west-1`), false for
 * made-up names such as `zz-aaa-1` or `us-east-99` and for pseudo-regions such as `aws-global`.
 */
export function isAwsRegion(name: string): boolean {
  if (!isRegionName(name)) return false;
  // `partition` answers any name with its partition's settings (by pattern, else the default
  // partition); only regions listed in the data also come with their own entry, which has a description.
  const { description } = partition(name) as { description?: unknown };
  return typeof description === "string";
}
