// The shape of the contract suite, after graphql-http's audits (`src/audits/common.ts`): every
// check has a stable id, an RFC 2119 level and one sentence saying what must hold, and runs against
// a `Target` that is either the local emulator or real AWS. Ids never change meaning; a retired
// check keeps its id out of use.
import type { CloudControlClient, CloudControlClientConfig, ProgressEvent } from "@aws-sdk/client-cloudcontrol";
import type { RunningEmulator, StaticCredential } from "../../src/emulator/options.js";

export type AuditLevel = "MUST" | "SHOULD";

export interface Audit {
  /** Stable, `CC-<AREA>-<WHAT>`; unique across the suite. */
  id: string;
  /** MUST: documented AWS behaviour or a behaviour the issue requires. SHOULD: a choice where AWS is undocumented. */
  level: AuditLevel;
  /** One sentence saying what holds. */
  title: string;
  /** Set when the audit uses emulator-only features (faults, clock, seeding, stats, strict mode, slow writes). */
  needs?: "emulator";
  run(t: Target): Promise<void>;
}

/** Client settings an audit may override; everything else is the target's. */
export type ClientOverrides = Pick<CloudControlClientConfig, "maxAttempts" | "retryMode" | "credentials" | "systemClockOffset">;

/** What the route-response helpers create unless told otherwise: `$default` on the target's route. */
export type RouteResponseProperties = Record<string, unknown>;

export interface CreateOptions {
  clientToken?: string;
  region?: string;
}

export interface CreatedResource {
  /** The string identifier from the final status event. */
  identifier: string;
  requestToken: string;
  /** The final status event (SUCCESS). */
  final: ProgressEvent;
}

export interface CreatedRouteResponse extends CreatedResource {
  routeResponseId: string;
}

export interface Target {
  /** Shown in failure messages: `emulator`, `emulator (slow writes)`, `aws`. */
  readonly name: string;
  readonly region: string;
  /** A region where the target's API does not exist. */
  readonly otherRegion: string;
  /** An existing WebSocket API and a route of it that holds no route response when an audit starts. */
  readonly apiId: string;
  readonly routeId: string;
  /** A Cloud Control client for this target (cached per region unless `overrides` are given). */
  client(region?: string, overrides?: ClientOverrides): CloudControlClient;
  /** Bounds for polling a request to its end on this target. */
  readonly maxWaitSeconds: number;
  readonly pollIntervalMs: number;
  /** Run after every audit, last in first out; the harness drains it. */
  readonly cleanup: Array<() => Promise<void>>;
  /** Sends CreateResource, registers the resource's deletion in `cleanup`, answers the first event. */
  createResource(typeName: string, desiredState: Record<string, unknown>, options?: CreateOptions): Promise<ProgressEvent>;
  /** CreateResource of a route response: `{ApiId, RouteId, RouteResponseKey: "$default"}` merged with `properties`. */
  createRouteResponse(properties?: RouteResponseProperties, options?: CreateOptions): Promise<ProgressEvent>;
  /** As `createRouteResponse`, then waits; fails the audit unless the request ends SUCCESS. */
  createRouteResponseAndWait(properties?: RouteResponseProperties, options?: CreateOptions): Promise<CreatedRouteResponse>;
  /** Polls GetResourceRequestStatus until SUCCESS, FAILED or CANCEL_COMPLETE, within the target's bounds. */
  waitForRequest(requestToken: string, region?: string): Promise<ProgressEvent>;
  /** Present only on emulator targets. */
  readonly emulator?: EmulatorSide;
}

export interface EmulatorSide {
  readonly running: RunningEmulator;
  /** The same contract on an emulator whose writes stay IN_PROGRESS for `slowWriteMs`. */
  readonly slow: Target;
  readonly slowWriteMs: number;
  /** An emulator in strict-credentials mode (demo seed) and the one key it accepts. */
  readonly strict: StrictEmulator;
}

export interface StrictEmulator {
  readonly running: RunningEmulator;
  readonly credentials: StaticCredential;
  /** A client for the strict emulator with its accepted key, unless `overrides.credentials` says otherwise. */
  client(region?: string, overrides?: ClientOverrides): CloudControlClient;
}

/** The emulator side of a target, for audits marked `needs: "emulator"`. */
export function emulatorOf(t: Target): EmulatorSide {
  if (t.emulator === undefined) {
    throw new Error(`this audit needs the emulator, and target '${t.name}' is not one: mark it needs: "emulator"`);
  }
  return t.emulator;
}
