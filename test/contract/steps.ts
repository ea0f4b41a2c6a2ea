// Small steps the audits are written in: one Cloud Control call each, or one bounded loop of them.
// They go through the real SDK, so a step that works here works against AWS.
import { randomUUID } from "node:crypto";
import {
  DeleteResourceCommand,
  GetResourceCommand,
  ListResourceRequestsCommand,
  ListResourcesCommand,
  UpdateResourceCommand,
} from "@aws-sdk/client-cloudcontrol";
import type {
  ProgressEvent,
  ResourceDescription,
  ResourceRequestStatusFilter,
} from "@aws-sdk/client-cloudcontrol";
import type { Target } from "./audit.js";

export const API = "AWS::ApiGatewayV2::Api";
export const ROUTE = "AWS::ApiGatewayV2::Route";
export const ROUTE_RESPONSE = "AWS::ApiGatewayV2::RouteResponse";
export const MODEL = "AWS::ApiGatewayV2::Model";

/** Ids that no target holds: API Gateway's id alphabet, the right lengths. */
export const MISSING_API_ID = "zzzz0000zz";
export const MISSING_ROUTE_ID = "zzz0000";
export const MISSING_ROUTE_RESPONSE_ID = "zzz0000";

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(["SUCCESS", "FAILED", "CANCEL_COMPLETE"]);

/** At most this many pages are followed by any listing loop; more means NextToken never ends. */
export const MAX_PAGES = 50;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fresh ClientToken (the documented pattern `^[-A-Za-z0-9+/=]+$`). */
export const newClientToken = () => `contract-${randomUUID()}`;

/** The `name` of whatever was thrown: the error code for SDK service errors. */
export function errorName(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "name" in error && typeof error.name === "string"
    ? error.name
    : undefined;
}

export type PatchOperation =
  | { op: "add" | "replace" | "test"; path: string; value: unknown }
  | { op: "remove"; path: string }
  | { op: "move" | "copy"; from: string; path: string };

export const patchDocument = (ops: readonly PatchOperation[]) => JSON.stringify(ops);

/** The identifier of a route response of the target's route. */
export const routeResponseIdentifier = (t: Target, routeResponseId: string) => `${t.apiId}|${t.routeId}|${routeResponseId}`;

/** Parses a JSON string member of an answer; fails the audit if it is absent or not an object. */
export function parseModel(json: string | undefined, what: string): Record<string, unknown> {
  if (json === undefined) throw new Error(`${what}: no JSON model in the answer`);
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${what}: the model is not a JSON object: ${json}`);
  }
  return parsed as Record<string, unknown>;
}

export async function getProperties(
  t: Target,
  typeName: string,
  identifier: string,
  region?: string,
): Promise<Record<string, unknown>> {
  const out = await t.client(region).send(new GetResourceCommand({ TypeName: typeName, Identifier: identifier }));
  return parseModel(out.ResourceDescription?.Properties, `GetResource ${identifier}`);
}

export interface Listing<T> {
  items: T[];
  /** Items per page, in order. */
  pageSizes: number[];
}

/** Follows ListResources' NextToken to the end (at most MAX_PAGES pages). */
export async function listAllResources(
  t: Target,
  typeName: string,
  resourceModel?: Record<string, unknown>,
  options: { region?: string; maxResults?: number } = {},
): Promise<Listing<ResourceDescription>> {
  const items: ResourceDescription[] = [];
  const pageSizes: number[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await t.client(options.region).send(
      new ListResourcesCommand({
        TypeName: typeName,
        ...(resourceModel === undefined ? {} : { ResourceModel: JSON.stringify(resourceModel) }),
        ...(nextToken === undefined ? {} : { NextToken: nextToken }),
        ...(options.maxResults === undefined ? {} : { MaxResults: options.maxResults }),
      }),
    );
    const descriptions = out.ResourceDescriptions ?? [];
    items.push(...descriptions);
    pageSizes.push(descriptions.length);
    nextToken = out.NextToken;
    if (nextToken === undefined) return { items, pageSizes };
  }
  throw new Error(`ListResources ${typeName}: still a NextToken after ${MAX_PAGES} pages`);
}

export async function listIdentifiers(
  t: Target,
  typeName: string,
  resourceModel?: Record<string, unknown>,
  region?: string,
): Promise<string[]> {
  const listing = await listAllResources(t, typeName, resourceModel, region === undefined ? {} : { region });
  return listing.items.map((item) => item.Identifier ?? "");
}

/** The route responses of the target's route, by identifier. */
export const routeResponsesOfTargetRoute = (t: Target) =>
  listIdentifiers(t, ROUTE_RESPONSE, { ApiId: t.apiId, RouteId: t.routeId });

/** Follows ListResourceRequests' NextToken to the end (at most `maxPages`). */
export async function listAllRequests(
  t: Target,
  filter?: ResourceRequestStatusFilter,
  options: { region?: string; maxResults?: number; maxPages?: number } = {},
): Promise<Listing<ProgressEvent>> {
  const items: ProgressEvent[] = [];
  const pageSizes: number[] = [];
  let nextToken: string | undefined;
  const maxPages = options.maxPages ?? MAX_PAGES;
  for (let page = 0; page < maxPages; page++) {
    const out = await t.client(options.region).send(
      new ListResourceRequestsCommand({
        ...(filter === undefined ? {} : { ResourceRequestStatusFilter: filter }),
        ...(nextToken === undefined ? {} : { NextToken: nextToken }),
        ...(options.maxResults === undefined ? {} : { MaxResults: options.maxResults }),
      }),
    );
    const summaries = out.ResourceRequestStatusSummaries ?? [];
    items.push(...summaries);
    pageSizes.push(summaries.length);
    nextToken = out.NextToken;
    if (nextToken === undefined) return { items, pageSizes };
  }
  throw new Error(`ListResourceRequests: still a NextToken after ${maxPages} pages`);
}

export async function updateResource(
  t: Target,
  typeName: string,
  identifier: string,
  ops: readonly PatchOperation[] | string,
  options: { clientToken?: string; region?: string } = {},
): Promise<ProgressEvent> {
  const out = await t.client(options.region).send(
    new UpdateResourceCommand({
      TypeName: typeName,
      Identifier: identifier,
      PatchDocument: typeof ops === "string" ? ops : patchDocument(ops),
      ...(options.clientToken === undefined ? {} : { ClientToken: options.clientToken }),
    }),
  );
  return requireEvent(out.ProgressEvent, "UpdateResource");
}

/** UpdateResource, then waits; answers the final event whatever it is. */
export async function updateAndWait(
  t: Target,
  typeName: string,
  identifier: string,
  ops: readonly PatchOperation[] | string,
): Promise<ProgressEvent> {
  const first = await updateResource(t, typeName, identifier, ops);
  return t.waitForRequest(first.RequestToken ?? "");
}

export async function deleteResource(
  t: Target,
  typeName: string,
  identifier: string,
  options: { clientToken?: string; region?: string } = {},
): Promise<ProgressEvent> {
  const out = await t.client(options.region).send(
    new DeleteResourceCommand({
      TypeName: typeName,
      Identifier: identifier,
      ...(options.clientToken === undefined ? {} : { ClientToken: options.clientToken }),
    }),
  );
  return requireEvent(out.ProgressEvent, "DeleteResource");
}

export async function deleteAndWait(
  t: Target,
  typeName: string,
  identifier: string,
  options: { clientToken?: string; region?: string } = {},
): Promise<ProgressEvent> {
  const first = await deleteResource(t, typeName, identifier, options);
  return t.waitForRequest(first.RequestToken ?? "", options.region);
}

export function requireEvent(event: ProgressEvent | undefined, what: string): ProgressEvent {
  if (event?.RequestToken === undefined) throw new Error(`${what}: the answer has no ProgressEvent with a RequestToken`);
  return event;
}

/** Creates a resource of any type and waits; fails unless it ends SUCCESS. */
export async function createAndWait(
  t: Target,
  typeName: string,
  desiredState: Record<string, unknown>,
  options: { region?: string } = {},
): Promise<string> {
  const first = await t.createResource(typeName, desiredState, options);
  const final = await t.waitForRequest(first.RequestToken ?? "", options.region);
  if (final.OperationStatus !== "SUCCESS" || final.Identifier === undefined) {
    throw new Error(`creating ${typeName} ended ${String(final.OperationStatus)} ${String(final.ErrorCode)}: ${String(final.StatusMessage)}`);
  }
  return final.Identifier;
}
