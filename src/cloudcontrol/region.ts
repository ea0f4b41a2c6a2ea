// The region of every read and write: the argument when given, else the configured default.
// Checked before any call, because each region gets its own SDK client (and endpoint) and its own
// token bucket: the set of regions served is what bounds them. SDK-free: the caller passes what
// counts as a real region (awsRegions.ts in the gateway).
import { badUserInput } from "../errors.js";

/**
 * AWS region names: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-northwest-1`, `us-isob-east-1`.
 * Letters, then dash-separated words, then a number; no dots or slashes that could change the endpoint host.
 */
const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]{2,12}){1,3}-\d{1,2}$/;

export function isRegionName(value: string): boolean {
  return REGION_PATTERN.test(value);
}

export interface RegionPolicyOptions {
  defaultRegion: string;
  /**
   * CLOUDCONTROL_REGIONS: when set, only these regions may be named, whether `isKnownRegion` knows
   * them or not (the operator decides, for a region newer than the SDK, say).
   */
  allowedRegions?: readonly string[] | null;
  /** Without `allowedRegions`: the regions that exist (the AWS SDK's list); the default region is served too. */
  isKnownRegion: (region: string) => boolean;
}

export interface RegionPolicy {
  readonly defaultRegion: string;
  /** The region to use for an optional `region` argument; BAD_USER_INPUT when it is not one we serve. */
  resolve(region: string | null | undefined): string;
}

export function createRegionPolicy(options: RegionPolicyOptions): RegionPolicy {
  const allowed = options.allowedRegions && options.allowedRegions.length > 0 ? new Set(options.allowedRegions) : null;
  return {
    defaultRegion: options.defaultRegion,
    resolve(region) {
      if (region === null || region === undefined) return options.defaultRegion;
      if (!isRegionName(region)) throw badUserInput(`region "${region}" is not an AWS region name such as us-east-1.`);
      if (allowed) {
        if (!allowed.has(region)) throw badUserInput(`region ${region} is not served by this gateway; allowed: ${[...allowed].join(", ")}.`);
      } else if (region !== options.defaultRegion && !options.isKnownRegion(region)) {
        throw badUserInput(`region ${region} is not an AWS region this gateway knows.`);
      }
      return region;
    },
  };
}
