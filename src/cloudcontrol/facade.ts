// A small typed facade over the eight Cloud Control operations, generic over the resource type
// descriptors (src/resourceTypes/). Every method speaks the gateway's models and throws only
// GatewayError (classified here), so callers above never see an SDK type. Every write carries a
// ClientToken, and a write that may have reached Cloud Control without an answer fails with
// WriteOutcomeUnknownError, which names it.
import {
  CancelResourceRequestCommand,
  CreateResourceCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourceRequestStatusCommand,
  ListResourceRequestsCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
} from "@aws-sdk/client-cloudcontrol";
import type { ProgressEvent, ResourceDescription } from "@aws-sdk/client-cloudcontrol";
import { ErrorCode, GatewayError } from "../errors.js";
import { untilAborted } from "../pacing/index.js";
import type { Identity, ResourceModel, ResourceTypeDescriptor } from "../resourceTypes/index.js";
import type { PatchOperation } from "../routeResponses/index.js";
import { routeResponseType } from "../resourceTypes/index.js";
import type { AttemptWatch } from "./callScope.js";
import { mayHaveApplied, scoped } from "./callScope.js";
import type { CloudControlClients } from "./client.js";
import { WriteOutcomeUnknownError, classifyCloudControlError } from "./errors.js";
import type { OperationStatus, ResourceOperation, ResourceRequestModel } from "./resourceRequest.js";
import { resourceRequestOf } from "./resourceRequest.js";

/** A ListResources item: its identity and the properties the listing carried. */
export type ListedResource<I extends Identity = Identity> = ResourceModel<I> & {
  /**
   * True only when the facade was told that listings return full models (`listedModelsComplete`):
   * Cloud Control promises "some or all" properties, so by default an item is never complete.
   */
  complete: boolean;
};

export interface ResourcePage<I extends Identity = Identity> {
  items: ListedResource<I>[];
  nextToken: string | null;
}

export interface ResourceRequestFilter {
  operations?: readonly ResourceOperation[] | null;
  statuses?: readonly OperationStatus[] | null;
}

export interface ResourceRequestPage {
  /**
   * The shown requests (`requestTypes`) of one ListResourceRequests page. Cloud Control cannot filter by
   * resource type on the wire, so the page is filtered here: it may hold fewer than it read, or none.
   */
  requests: ResourceRequestModel[];
  /** How many requests of any type the page held. */
  scanned: number;
  nextToken: string | null;
}

export interface CloudControlFacade {
  /** GetResource. Null when the resource does not exist. */
  getResource<I extends Identity>(type: ResourceTypeDescriptor<I>, region: string, identifier: string): Promise<ResourceModel<I> | null>;
  /** One page of ListResources under `parent` (the type's listParentFields, sent as its ResourceModel). */
  listResources<I extends Identity>(type: ResourceTypeDescriptor<I>, region: string, parent: Identity, nextToken: string | null): Promise<ResourcePage<I>>;
  /**
   * CreateResource. Writes send `clientToken` on every attempt (the SDK's retries reuse the request
   * as serialized once); one whose outcome is unknown fails with WriteOutcomeUnknownError naming it.
   */
  createResource(type: ResourceTypeDescriptor, region: string, desiredState: Record<string, unknown>, clientToken: string): Promise<ResourceRequestModel>;
  /** UpdateResource; `clientToken` as for createResource. */
  updateResource(type: ResourceTypeDescriptor, region: string, identifier: string, patch: readonly PatchOperation[], clientToken: string): Promise<ResourceRequestModel>;
  /** DeleteResource; `clientToken` as for createResource. */
  deleteResource(type: ResourceTypeDescriptor, region: string, identifier: string, clientToken: string): Promise<ResourceRequestModel>;
  /** GetResourceRequestStatus. Null when the token is unknown, expired (after 7 days) or about a type whose requests are not shown. */
  getRequestStatus(region: string, requestToken: string): Promise<ResourceRequestModel | null>;
  listRequests(region: string, filter: ResourceRequestFilter, nextToken: string | null, maxResults: number): Promise<ResourceRequestPage>;
  cancelRequest(region: string, requestToken: string): Promise<ResourceRequestModel>;
}

function isNotFound(error: GatewayError): boolean {
  return error.code === ErrorCode.NOT_FOUND;
}

function parseProperties(type: ResourceTypeDescriptor, json: string | undefined, identifier: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below with the identifier.
  }
  throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `Cloud Control answered unreadable properties for ${type.label} ${identifier}.`);
}

/** An identifier that AWS answered: if it is not one, AWS (not the caller) is wrong. */
function upstreamIdentity<I extends Identity>(type: ResourceTypeDescriptor<I>, identifier: string): I {
  try {
    return type.parseIdentifier(identifier);
  } catch {
    throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `Cloud Control answered "${identifier}", which is not ${type.label.match(/^[aeiou]/i) ? "an" : "a"} ${type.label} identifier.`);
  }
}

/** A list item's identity: its Identifier, or its identifier properties when the Identifier is missing. */
function listedItem<I extends Identity>(
  type: ResourceTypeDescriptor<I>,
  region: string,
  description: ResourceDescription,
  complete: boolean,
): ListedResource<I> {
  let properties: Record<string, unknown> = {};
  try {
    properties = parseProperties(type, description.Properties, description.Identifier ?? "(no identifier)");
  } catch (error) {
    // An item's properties are only needed for its identity when it has no Identifier.
    if (!description.Identifier) throw error;
  }
  const identity = description.Identifier
    ? upstreamIdentity(type, description.Identifier)
    : upstreamIdentity(type, type.identifierProperties.map((name) => (typeof properties[name] === "string" ? properties[name] : "")).join("|"));
  return { ...identity, region, identifier: type.formatIdentifier(identity), properties, complete };
}

/** The default of `requestTypes`: the types the gateway writes. */
const WRITTEN_TYPES: ReadonlySet<string> = new Set([routeResponseType.typeName]);

export interface CloudControlFacadeOptions {
  /**
   * The GraphQL operation's deadline, or the gateway's shutdown: when it aborts, calls waiting for a
   * token or a slot leave the queue, calls in flight are cut, and every unfinished call fails with
   * UPSTREAM_TIMEOUT, or WRITE_OUTCOME_UNKNOWN for a write that may have been sent.
   */
  signal?: AbortSignal;
  /**
   * The types whose requests getRequestStatus and listRequests show (AWS sets TypeName on every
   * event); requests about other types are not this gateway's. By default the types it writes.
   */
  requestTypes?: ReadonlySet<string>;
  /**
   * Whether ListResources items carry the full model (some handlers and the emulator's
   * `listFullModels` do; Cloud Control only promises "some or all" properties). When true, listed
   * items answer every field without GetResource. Default false.
   */
  listedModelsComplete?: boolean;
}

/**
 * What a call that the signal cut short throws: the deadline passed (AbortSignal.timeout's reason is
 * a TimeoutError), or anything else aborted it (the gateway's shutdown).
 */
export function callAborted(signal: AbortSignal): GatewayError {
  const deadline = (signal.reason as { name?: unknown } | undefined)?.name === "TimeoutError";
  return new GatewayError(
    ErrorCode.UPSTREAM_TIMEOUT,
    deadline ? "Cloud Control did not answer within the operation's time limit (OPERATION_TIMEOUT_MS)." : "The gateway is shutting down and stopped waiting for Cloud Control.",
  );
}

export function createCloudControlFacade(clients: CloudControlClients, options: CloudControlFacadeOptions = {}): CloudControlFacade {
  const { signal } = options;
  const requestTypes = options.requestTypes ?? WRITTEN_TYPES;
  const listedModelsComplete = options.listedModelsComplete ?? false;
  /** Requests about types not shown are not ours (AWS sets TypeName on every event). */
  const shown = (typeName: string | null | undefined): boolean => !typeName || requestTypes.has(typeName);
  /** The pacer's waits and the HTTP request itself watch the signal (callScope.ts). */
  const scope = { signal };
  /** A write's input, with a fresh watch on its attempts. */
  const writeInput = <I extends object>(input: I): { input: I; watch: AttemptWatch } => {
    const watch: AttemptWatch = { open: 0, unanswered: false };
    return { input: scoped(input, { signal, attempts: watch }), watch };
  };

  /** Runs one SDK call and classifies what it throws. */
  async function call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      // The SDK's backoff between retries does not watch the signal: stop waiting at the deadline anyway.
      return await untilAborted(operation(), signal);
    } catch (error) {
      if (signal?.aborted) throw callAborted(signal);
      throw classifyCloudControlError(error);
    }
  }

  /**
   * Sends one write and reads its ProgressEvent. A failure after an attempt may have reached Cloud
   * Control is WriteOutcomeUnknownError with the token; any other failure wrote nothing. Once Cloud
   * Control answered, the write is accepted: the signal no longer turns it into an error.
   */
  async function write(
    region: string,
    kind: "create" | "update" | "delete",
    clientToken: string,
    watch: AttemptWatch,
    send: () => Promise<{ ProgressEvent?: ProgressEvent | undefined }>,
  ): Promise<ResourceRequestModel> {
    let output: { ProgressEvent?: ProgressEvent | undefined };
    try {
      output = await untilAborted(send(), signal);
    } catch (error) {
      const why = signal?.aborted ? callAborted(signal) : classifyCloudControlError(error);
      if (mayHaveApplied(watch)) throw new WriteOutcomeUnknownError(kind, clientToken, why);
      throw why;
    }
    try {
      return resourceRequestOf(region, output.ProgressEvent);
    } catch (error) {
      throw classifyCloudControlError(error);
    }
  }

  return {
    async getResource(type, region, identifier) {
      try {
        const output = await call(() => clients.forRegion(region).send(new GetResourceCommand(scoped({ TypeName: type.typeName, Identifier: identifier }, scope))));
        const description = output.ResourceDescription;
        const properties = parseProperties(type, description?.Properties, identifier);
        const identity = upstreamIdentity(type, description?.Identifier || identifier);
        return { ...identity, region, identifier: type.formatIdentifier(identity), properties };
      } catch (error) {
        if (error instanceof GatewayError && isNotFound(error)) return null;
        throw error;
      }
    },

    async listResources(type, region, parent, nextToken) {
      const resourceModel = type.listModel(parent);
      const output = await call(() =>
        clients.forRegion(region).send(
          new ListResourcesCommand(
            scoped(
              {
                TypeName: type.typeName,
                ResourceModel: Object.keys(resourceModel).length === 0 ? undefined : JSON.stringify(resourceModel),
                NextToken: nextToken ?? undefined,
              },
              scope,
            ),
          ),
        ),
      );
      return {
        items: (output.ResourceDescriptions ?? []).map((description) => listedItem(type, region, description, listedModelsComplete)),
        nextToken: output.NextToken || null,
      };
    },

    async createResource(type, region, desiredState, clientToken) {
      const { input, watch } = writeInput({ TypeName: type.typeName, DesiredState: JSON.stringify(desiredState), ClientToken: clientToken });
      return write(region, "create", clientToken, watch, () => clients.forRegion(region).send(new CreateResourceCommand(input)));
    },

    async updateResource(type, region, identifier, patch, clientToken) {
      const { input, watch } = writeInput({ TypeName: type.typeName, Identifier: identifier, PatchDocument: JSON.stringify(patch), ClientToken: clientToken });
      return write(region, "update", clientToken, watch, () => clients.forRegion(region).send(new UpdateResourceCommand(input)));
    },

    async deleteResource(type, region, identifier, clientToken) {
      const { input, watch } = writeInput({ TypeName: type.typeName, Identifier: identifier, ClientToken: clientToken });
      return write(region, "delete", clientToken, watch, () => clients.forRegion(region).send(new DeleteResourceCommand(input)));
    },

    async getRequestStatus(region, requestToken) {
      try {
        const output = await call(() => clients.forRegion(region).send(new GetResourceRequestStatusCommand(scoped({ RequestToken: requestToken }, scope))));
        const request = await call(async () => resourceRequestOf(region, output.ProgressEvent));
        return shown(request.typeName) ? request : null;
      } catch (error) {
        if (error instanceof GatewayError && isNotFound(error)) return null;
        throw error;
      }
    },

    async listRequests(region, filter, nextToken, maxResults) {
      const statusFilter =
        (filter.operations?.length ?? 0) > 0 || (filter.statuses?.length ?? 0) > 0
          ? {
              Operations: filter.operations?.length ? [...filter.operations] : undefined,
              OperationStatuses: filter.statuses?.length ? [...filter.statuses] : undefined,
            }
          : undefined;
      const output = await call(() =>
        clients.forRegion(region).send(
          new ListResourceRequestsCommand(scoped({ MaxResults: maxResults, NextToken: nextToken ?? undefined, ResourceRequestStatusFilter: statusFilter }, scope)),
        ),
      );
      const summaries = output.ResourceRequestStatusSummaries ?? [];
      return call(async () => ({
        requests: summaries.filter((event) => shown(event.TypeName)).map((event) => resourceRequestOf(region, event)),
        scanned: summaries.length,
        nextToken: output.NextToken || null,
      }));
    },

    async cancelRequest(region, requestToken) {
      const output = await call(() => clients.forRegion(region).send(new CancelResourceRequestCommand(scoped({ RequestToken: requestToken }, scope))));
      return call(async () => resourceRequestOf(region, output.ProgressEvent));
    },
  };
}
