// Builds the targets the audits run against. One implementation of the Target helpers serves both
// the emulator and real AWS; only how clients are made, and the polling bounds, differ.
import {
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceRequestStatusCommand,
} from "@aws-sdk/client-cloudcontrol";
import type { CloudControlClient, ProgressEvent } from "@aws-sdk/client-cloudcontrol";
import type {
  ClientOverrides,
  CreatedRouteResponse,
  CreateOptions,
  EmulatorSide,
  RouteResponseProperties,
  Target,
} from "./audit.js";
import { ROUTE_RESPONSE, TERMINAL_STATUSES, errorName, sleep } from "./steps.js";

export interface TargetSettings {
  name: string;
  region: string;
  otherRegion: string;
  apiId: string;
  routeId: string;
  maxWaitSeconds: number;
  pollIntervalMs: number;
  /** Makes a new client; the target caches the ones made without overrides. */
  newClient(region: string, overrides: ClientOverrides): CloudControlClient;
  /** Shared with sibling targets so one drain after each audit covers all of them. */
  cleanup: Array<() => Promise<void>>;
}

/** A target whose `emulator` may be attached once its siblings exist (see `emulatorTargets`). */
export interface BuiltTarget extends Target {
  emulator?: EmulatorSide;
}

export function makeTarget(settings: TargetSettings): BuiltTarget {
  const cached = new Map<string, CloudControlClient>();
  const cleanupRegistered = new Set<string>();

  const client = (region = settings.region, overrides?: ClientOverrides): CloudControlClient => {
    if (overrides !== undefined) return settings.newClient(region, overrides);
    let existing = cached.get(region);
    if (existing === undefined) {
      existing = settings.newClient(region, {});
      cached.set(region, existing);
    }
    return existing;
  };

  const waitForRequest = async (requestToken: string, region = settings.region): Promise<ProgressEvent> => {
    const deadline = Date.now() + settings.maxWaitSeconds * 1000;
    const maxPolls = Math.ceil((settings.maxWaitSeconds * 1000) / settings.pollIntervalMs) + 2;
    let last: ProgressEvent | undefined;
    for (let poll = 0; poll < maxPolls; poll++) {
      const out = await client(region).send(new GetResourceRequestStatusCommand({ RequestToken: requestToken }));
      last = out.ProgressEvent;
      if (last?.OperationStatus !== undefined && TERMINAL_STATUSES.has(last.OperationStatus)) return last;
      if (Date.now() >= deadline) break;
      await sleep(settings.pollIntervalMs);
    }
    throw new Error(
      `${settings.name}: request ${requestToken} did not finish within ${settings.maxWaitSeconds}s (last status ${String(last?.OperationStatus)})`,
    );
  };

  /** Deletes what a create made, whatever happened to it meanwhile; the audit may have deleted it already. */
  const removeCreated = async (typeName: string, requestToken: string, region: string): Promise<void> => {
    let final: ProgressEvent;
    try {
      final = await waitForRequest(requestToken, region);
    } catch (error) {
      // The audit may have expired the request (advanceClock); nothing is left to find then.
      if (errorName(error) === "RequestTokenNotFoundException") return;
      throw error;
    }
    if (final.OperationStatus !== "SUCCESS" || final.Identifier === undefined) return;
    const deadline = Date.now() + settings.maxWaitSeconds * 1000;
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const out = await client(region).send(new DeleteResourceCommand({ TypeName: typeName, Identifier: final.Identifier }));
        const token = out.ProgressEvent?.RequestToken;
        if (token !== undefined) await waitForRequest(token, region); // FAILED NotFound: already gone
        return;
      } catch (error) {
        // Another write may still be in flight (slow targets): wait for it, within the target's bounds.
        if (errorName(error) !== "ConcurrentOperationException" || Date.now() >= deadline) throw error;
        await sleep(settings.pollIntervalMs);
      }
    }
  };

  const createResource = async (
    typeName: string,
    desiredState: Record<string, unknown>,
    options: CreateOptions = {},
  ): Promise<ProgressEvent> => {
    const region = options.region ?? settings.region;
    const out = await client(region).send(
      new CreateResourceCommand({
        TypeName: typeName,
        DesiredState: JSON.stringify(desiredState),
        ...(options.clientToken === undefined ? {} : { ClientToken: options.clientToken }),
      }),
    );
    const event = out.ProgressEvent;
    if (event?.RequestToken === undefined) throw new Error(`${settings.name}: CreateResource answered no RequestToken`);
    const key = `${region} ${event.RequestToken}`;
    if (!cleanupRegistered.has(key)) {
      cleanupRegistered.add(key);
      const token = event.RequestToken;
      settings.cleanup.push(() => removeCreated(typeName, token, region));
    }
    return event;
  };

  const routeResponseState = (properties: RouteResponseProperties = {}): Record<string, unknown> => ({
    ApiId: settings.apiId,
    RouteId: settings.routeId,
    RouteResponseKey: "$default",
    ...properties,
  });

  const createRouteResponse = (properties?: RouteResponseProperties, options?: CreateOptions) =>
    createResource(ROUTE_RESPONSE, routeResponseState(properties), options);

  const createRouteResponseAndWait = async (
    properties?: RouteResponseProperties,
    options: CreateOptions = {},
  ): Promise<CreatedRouteResponse> => {
    const first = await createRouteResponse(properties, options);
    const requestToken = first.RequestToken ?? "";
    const final = await waitForRequest(requestToken, options.region);
    if (final.OperationStatus !== "SUCCESS" || final.Identifier === undefined) {
      throw new Error(
        `${settings.name}: creating a route response ended ${String(final.OperationStatus)} ${String(final.ErrorCode)}: ${String(final.StatusMessage)}`,
      );
    }
    const routeResponseId = final.Identifier.split("|")[2] ?? "";
    return { identifier: final.Identifier, routeResponseId, requestToken, final };
  };

  return {
    name: settings.name,
    region: settings.region,
    otherRegion: settings.otherRegion,
    apiId: settings.apiId,
    routeId: settings.routeId,
    maxWaitSeconds: settings.maxWaitSeconds,
    pollIntervalMs: settings.pollIntervalMs,
    cleanup: settings.cleanup,
    client,
    createResource,
    createRouteResponse,
    createRouteResponseAndWait,
    waitForRequest,
  };
}

/** Runs every registered cleanup, newest first, and empties the list; reports all failures together. */
export async function drainCleanup(cleanup: Array<() => Promise<void>>): Promise<void> {
  const failures: unknown[] = [];
  for (let step = cleanup.pop(); step !== undefined; step = cleanup.pop()) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} cleanup step(s) failed`);
}
