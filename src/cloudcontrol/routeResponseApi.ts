// A small typed facade over the eight Cloud Control operations, for AWS::ApiGatewayV2::RouteResponse
// only. Every method speaks the gateway's models and throws only GatewayError (classified here), so
// callers above never see an SDK type. Every write carries a ClientToken, and a write that may have
// reached Cloud Control without an answer fails with WriteOutcomeUnknownError, which names it.
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
import type { MetadataBearer, MiddlewareStack } from "@smithy/types";
import { ErrorCode, GatewayError } from "../errors.js";
import { untilAborted } from "../pacing/index.js";
import type { PatchOperation, RouteRef, RouteResponseIdentity, RouteResponseModel } from "../routeResponses/index.js";
import { ROUTE_RESPONSE_TYPE_NAME, formatRouteResponseIdentifier, parseRouteResponseIdentifier } from "../routeResponses/index.js";
import type { CloudControlClients } from "./client.js";
import { WriteOutcomeUnknownError, attemptMayHaveApplied, classifyCloudControlError } from "./errors.js";
import type { OperationStatus, ResourceOperation, ResourceRequestModel } from "./resourceRequest.js";
import { resourceRequestOf } from "./resourceRequest.js";

export interface RouteResponsePage {
  /** List items carry identifiers only: "some or all properties" is never treated as complete. */
  identities: RouteResponseIdentity[];
  nextToken: string | null;
}

export interface ResourceRequestFilter {
  operations?: readonly ResourceOperation[] | null;
  statuses?: readonly OperationStatus[] | null;
}

export interface ResourceRequestPage {
  /**
   * The route response requests of one ListResourceRequests page. Cloud Control cannot filter by
   * resource type on the wire, so the page is filtered here: it may hold fewer than it read, or none.
   */
  requests: ResourceRequestModel[];
  /** How many requests of any type the page held. */
  scanned: number;
  nextToken: string | null;
}

export interface RouteResponseCloudControl {
  /** GetResource. Null when the route response does not exist. */
  getRouteResponse(region: string, identifier: string): Promise<RouteResponseModel | null>;
  /** One page of ListResources with `ResourceModel {ApiId, RouteId}` (required for this type). */
  listRouteResponses(region: string, route: RouteRef, nextToken: string | null): Promise<RouteResponsePage>;
  /**
   * CreateResource. Writes send `clientToken` on every attempt (the SDK's retries reuse the request
   * as serialized once); one whose outcome is unknown fails with WriteOutcomeUnknownError naming it.
   */
  createRouteResponse(region: string, desiredState: Record<string, unknown>, clientToken: string): Promise<ResourceRequestModel>;
  /** UpdateResource; `clientToken` as for createRouteResponse. */
  updateRouteResponse(region: string, identifier: string, patch: readonly PatchOperation[], clientToken: string): Promise<ResourceRequestModel>;
  /** DeleteResource; `clientToken` as for createRouteResponse. */
  deleteRouteResponse(region: string, identifier: string, clientToken: string): Promise<ResourceRequestModel>;
  /** GetResourceRequestStatus. Null when the token is unknown, expired (after 7 days) or about another type. */
  getRequestStatus(region: string, requestToken: string): Promise<ResourceRequestModel | null>;
  listRequests(region: string, filter: ResourceRequestFilter, nextToken: string | null, maxResults: number): Promise<ResourceRequestPage>;
  cancelRequest(region: string, requestToken: string): Promise<ResourceRequestModel>;
}

function isNotFound(error: GatewayError): boolean {
  return error.code === ErrorCode.NOT_FOUND;
}

function parseProperties(json: string | undefined, identifier: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json ?? "");
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below with the identifier.
  }
  throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `Cloud Control answered unreadable properties for route response ${identifier}.`);
}

/** An identifier that AWS answered: if it is not one, AWS (not the caller) is wrong. */
function upstreamIdentity(identifier: string): RouteResponseIdentity {
  try {
    return parseRouteResponseIdentifier(identifier);
  } catch {
    throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `Cloud Control answered "${identifier}", which is not a route response identifier.`);
  }
}

/** A list item's identity: its Identifier, or its identifier properties when the Identifier is missing. */
function identityOf(description: ResourceDescription): RouteResponseIdentity {
  if (description.Identifier) return upstreamIdentity(description.Identifier);
  const properties = parseProperties(description.Properties, "(no identifier)");
  return upstreamIdentity(
    [properties.ApiId, properties.RouteId, properties.RouteResponseId].map((part) => (typeof part === "string" ? part : "")).join("|"),
  );
}

/** Requests about other resource types are not ours to show (AWS sets TypeName on every event). */
function isRouteResponseType(typeName: string | null | undefined): boolean {
  return !typeName || typeName === ROUTE_RESPONSE_TYPE_NAME;
}

export interface RouteResponseCloudControlOptions {
  /**
   * The GraphQL operation's deadline, or the gateway's shutdown: when it aborts, calls waiting for a
   * token or a slot leave the queue, calls in flight are cut, and every unfinished call fails with
   * UPSTREAM_TIMEOUT, or WRITE_OUTCOME_UNKNOWN for a write that may have been sent.
   */
  signal?: AbortSignal;
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

/**
 * Watches each attempt of one command where it meets the HTTP handler (the deserialize step runs
 * once per attempt, below the retry and pacing middleware). The answer: may an attempt have reached
 * Cloud Control without its answer being read? True while one is open, and once one failed so.
 */
function watchAttempts<Input extends object, Output extends MetadataBearer>(stack: MiddlewareStack<Input, Output>): () => boolean {
  let open = 0;
  let unanswered = false;
  stack.add(
    (next) => async (args) => {
      open += 1;
      try {
        return await next(args);
      } catch (error) {
        if (attemptMayHaveApplied(error)) unanswered = true;
        throw error;
      } finally {
        open -= 1;
      }
    },
    { step: "deserialize", name: "gatewayWriteOutcome", priority: "high" },
  );
  return () => unanswered || open > 0;
}

export function createRouteResponseCloudControl(clients: CloudControlClients, options: RouteResponseCloudControlOptions = {}): RouteResponseCloudControl {
  const { signal } = options;
  /** The SDK aborts waiting in the pacer and the HTTP request itself. */
  const sendOptions = signal === undefined ? undefined : { abortSignal: signal };

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
    mayHaveApplied: () => boolean,
    send: () => Promise<{ ProgressEvent?: ProgressEvent | undefined }>,
  ): Promise<ResourceRequestModel> {
    let output: { ProgressEvent?: ProgressEvent | undefined };
    try {
      output = await untilAborted(send(), signal);
    } catch (error) {
      const why = signal?.aborted ? callAborted(signal) : classifyCloudControlError(error);
      if (mayHaveApplied()) throw new WriteOutcomeUnknownError(kind, clientToken, why);
      throw why;
    }
    try {
      return resourceRequestOf(region, output.ProgressEvent);
    } catch (error) {
      throw classifyCloudControlError(error);
    }
  }

  return {
    async getRouteResponse(region, identifier) {
      try {
        const output = await call(() =>
          clients.forRegion(region).send(new GetResourceCommand({ TypeName: ROUTE_RESPONSE_TYPE_NAME, Identifier: identifier }), sendOptions),
        );
        const description = output.ResourceDescription;
        const properties = parseProperties(description?.Properties, identifier);
        const canonical = description?.Identifier || identifier;
        const identity = upstreamIdentity(canonical);
        return { ...identity, region, identifier: formatRouteResponseIdentifier(identity), properties };
      } catch (error) {
        if (error instanceof GatewayError && isNotFound(error)) return null;
        throw error;
      }
    },

    async listRouteResponses(region, route, nextToken) {
      const output = await call(() =>
        clients.forRegion(region).send(
          new ListResourcesCommand({
            TypeName: ROUTE_RESPONSE_TYPE_NAME,
            ResourceModel: JSON.stringify({ ApiId: route.apiId, RouteId: route.routeId }),
            NextToken: nextToken ?? undefined,
          }),
          sendOptions,
        ),
      );
      return {
        identities: (output.ResourceDescriptions ?? []).map(identityOf),
        nextToken: output.NextToken || null,
      };
    },

    async createRouteResponse(region, desiredState, clientToken) {
      const command = new CreateResourceCommand({ TypeName: ROUTE_RESPONSE_TYPE_NAME, DesiredState: JSON.stringify(desiredState), ClientToken: clientToken });
      const mayHaveApplied = watchAttempts(command.middlewareStack);
      return write(region, "create", clientToken, mayHaveApplied, () => clients.forRegion(region).send(command, sendOptions));
    },

    async updateRouteResponse(region, identifier, patch, clientToken) {
      const command = new UpdateResourceCommand({
        TypeName: ROUTE_RESPONSE_TYPE_NAME,
        Identifier: identifier,
        PatchDocument: JSON.stringify(patch),
        ClientToken: clientToken,
      });
      const mayHaveApplied = watchAttempts(command.middlewareStack);
      return write(region, "update", clientToken, mayHaveApplied, () => clients.forRegion(region).send(command, sendOptions));
    },

    async deleteRouteResponse(region, identifier, clientToken) {
      const command = new DeleteResourceCommand({ TypeName: ROUTE_RESPONSE_TYPE_NAME, Identifier: identifier, ClientToken: clientToken });
      const mayHaveApplied = watchAttempts(command.middlewareStack);
      return write(region, "delete", clientToken, mayHaveApplied, () => clients.forRegion(region).send(command, sendOptions));
    },

    async getRequestStatus(region, requestToken) {
      try {
        const output = await call(() => clients.forRegion(region).send(new GetResourceRequestStatusCommand({ RequestToken: requestToken }), sendOptions));
        const request = await call(async () => resourceRequestOf(region, output.ProgressEvent));
        return isRouteResponseType(request.typeName) ? request : null;
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
          new ListResourceRequestsCommand({
            MaxResults: maxResults,
            NextToken: nextToken ?? undefined,
            ResourceRequestStatusFilter: statusFilter,
          }),
          sendOptions,
        ),
      );
      const summaries = output.ResourceRequestStatusSummaries ?? [];
      return call(async () => ({
        requests: summaries.filter((event) => isRouteResponseType(event.TypeName)).map((event) => resourceRequestOf(region, event)),
        scanned: summaries.length,
        nextToken: output.NextToken || null,
      }));
    },

    async cancelRequest(region, requestToken) {
      const output = await call(() => clients.forRegion(region).send(new CancelResourceRequestCommand({ RequestToken: requestToken }), sendOptions));
      return call(async () => resourceRequestOf(region, output.ProgressEvent));
    },
  };
}
