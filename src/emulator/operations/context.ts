// What every operation receives, and the pieces several of them share: resolving a type, reading an
// identifier, shaping a ProgressEvent, and ClientToken idempotency.
import { CloudControlError, typeNotFound, validation } from "../errors.js";
import { isTerminal } from "../region.js";
import type { Region, ResourceRequest } from "../region.js";
import { RESOURCE_TYPES } from "../resourceTypes/index.js";
import type { HandlerFailure, Properties, ResourceType } from "../resourceTypes/index.js";
import type { PageTokens } from "./pageTokens.js";

export interface EmulatorSettings {
  accountId: string;
  writeDurationMs: number;
  listPageSize: number;
  listFullModels: boolean;
  lenientRouteResponseKeys: boolean;
  bareNotFound: boolean;
}

export interface OperationContext {
  region: Region;
  /** Emulator time in milliseconds (real time plus whatever `advanceClock` added). */
  now: number;
  settings: EmulatorSettings;
  pageTokens: PageTokens;
  /** The next forced handler failure, if the test asked for one (consumed by a write). */
  takeForcedFailure(): HandlerFailure | undefined;
}

/** An operation's input after validateInput: members are of their declared JSON types. */
export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;
export type OperationHandler = (input: Input, ctx: OperationContext) => Output;

export const str = (input: Input, member: string): string | undefined => input[member] as string | undefined;

export function resolveType(typeName: string): ResourceType {
  const type = RESOURCE_TYPES.get(typeName);
  if (!type) throw typeNotFound(typeName);
  return type;
}

/**
 * Accepts an identifier in string form (`A|B|C`, the primaryIdentifier's values in order) or JSON
 * form (`{"ApiId": ...}`, any key order) and returns the string form.
 * UNDOCUMENTED: AWS's answer to a malformed compound identifier; the emulator answers ValidationException.
 */
export function canonicalIdentifier(type: ResourceType, raw: string): string {
  const invalid = () =>
    validation(`Identifier '${raw}' is not valid for type ${type.typeName}: expected ${type.primaryIdentifier.join("|")}.`);
  let parts: unknown[];
  if (raw.trimStart().startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw invalid();
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw invalid();
    const keys = Object.keys(parsed);
    if (keys.length !== type.primaryIdentifier.length || !type.primaryIdentifier.every((k) => keys.includes(k))) throw invalid();
    parts = type.primaryIdentifier.map((k) => (parsed as Record<string, unknown>)[k]);
  } else {
    parts = raw.split("|");
  }
  if (parts.length !== type.primaryIdentifier.length || parts.some((p) => typeof p !== "string" || p === "" || p.includes("|"))) {
    throw invalid();
  }
  return parts.join("|");
}

/** A model as reads return it: write-only properties are never read back. */
export function readableModel(type: ResourceType, properties: Properties): Properties {
  const model: Properties = {};
  for (const [key, value] of Object.entries(properties)) if (!type.writeOnly.includes(key)) model[key] = value;
  return model;
}

/** A request as Cloud Control reports it. `status` overrides the stored one (a cancel answers CANCEL_IN_PROGRESS). */
export function progressEvent(request: ResourceRequest, status = request.status): Output {
  const event: Output = {
    TypeName: request.type.typeName,
    RequestToken: request.token,
    Operation: request.operation,
    OperationStatus: status,
    EventTime: request.eventTime / 1000,
  };
  // A create's identifier is only known to the caller once it has succeeded (reference §2).
  if (request.operation !== "CREATE" || status === "SUCCESS") event.Identifier = request.identifier;
  // UNDOCUMENTED: whether status polls of a running request carry ResourceModel. The emulator sends
  // the model being written while the request runs (a create's as given: the ids it will assign are
  // not known yet) and none once it is finished, as AWS documents. A write's own answer carries
  // none: see writeAnswer.
  if (!isTerminal(status) && request.model) {
    const shown = readableModel(request.type, request.model);
    if (request.operation === "CREATE") for (const name of request.type.readOnly) delete shown[name];
    event.ResourceModel = JSON.stringify(shown);
  }
  if (status === "IN_PROGRESS") event.RetryAfter = request.dueAt / 1000;
  if (status === "FAILED") {
    event.ErrorCode = request.errorCode;
    event.StatusMessage = request.statusMessage;
  }
  return event;
}

/**
 * The event a Create, Update or Delete answers with: as AWS documents a write's first event, no
 * ResourceModel and no RetryAfter (reference §7), whatever a status poll would show.
 * UNDOCUMENTED: AWS documents this for creates and updates; the emulator answers deletes the same way.
 */
export function writeAnswer(request: ResourceRequest): Output {
  const { ResourceModel: _model, RetryAfter: _retryAfter, ...event } = progressEvent(request);
  return event;
}

/**
 * ClientToken idempotency (reference §2): the same token with the same input answers the original
 * request; with other input, ClientTokenConflictException. Checked before anything else, so a retried
 * delete or update answers its original request even after the resource is gone.
 * UNDOCUMENTED: AWS does not say what a replay answers; the emulator returns the original request's
 * ProgressEvent as it is now, finished or not.
 */
export function idempotent(input: Input, ctx: OperationContext, fingerprint: string, begin: () => ResourceRequest): Output {
  const clientToken = str(input, "ClientToken");
  if (clientToken !== undefined) {
    const used = ctx.region.usedClientToken(clientToken);
    if (used) {
      if (used.fingerprint !== fingerprint) {
        throw new CloudControlError(
          "ClientTokenConflictException",
          `The ClientToken ${clientToken} has already been used for a different request.`,
        );
      }
      const original = ctx.region.request(used.requestToken);
      if (original) return { ProgressEvent: writeAnswer(original) };
    }
  }
  const request = begin();
  if (clientToken !== undefined) ctx.region.rememberClientToken(clientToken, fingerprint, request.token, ctx.now);
  return { ProgressEvent: writeAnswer(request) };
}

export function fingerprintOf(operation: string, ...members: (string | undefined)[]): string {
  return JSON.stringify([operation, ...members]);
}

export function concurrentOperation(type: ResourceType, identifier: string): CloudControlError {
  return new CloudControlError(
    "ConcurrentOperationException",
    `Another resource request is in progress for the resource of type '${type.typeName}' with identifier '${identifier}'.`,
  );
}
