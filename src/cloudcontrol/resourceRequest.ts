// A Cloud Control resource request as the gateway keeps it: the SDK's ProgressEvent with its region,
// parsed timestamps and model, and the closed sets of operations and statuses (reference §2).
import type { ProgressEvent } from "@aws-sdk/client-cloudcontrol";

export const ResourceOperation = { CREATE: "CREATE", UPDATE: "UPDATE", DELETE: "DELETE" } as const;
export type ResourceOperation = (typeof ResourceOperation)[keyof typeof ResourceOperation];

export const OperationStatus = {
  PENDING: "PENDING",
  IN_PROGRESS: "IN_PROGRESS",
  SUCCESS: "SUCCESS",
  FAILED: "FAILED",
  CANCEL_IN_PROGRESS: "CANCEL_IN_PROGRESS",
  CANCEL_COMPLETE: "CANCEL_COMPLETE",
} as const;
export type OperationStatus = (typeof OperationStatus)[keyof typeof OperationStatus];

/** The backing model of the GraphQL ResourceRequest type. */
export interface ResourceRequestModel {
  region: string;
  typeName: string | null;
  requestToken: string;
  operation: ResourceOperation;
  status: OperationStatus;
  /** Null for a create until Cloud Control reports the identifier it assigned. */
  identifier: string | null;
  statusMessage: string | null;
  errorCode: string | null;
  eventTime: Date | null;
  retryAfter: Date | null;
  resourceModel: Record<string, unknown> | null;
}

/** SUCCESS, FAILED and CANCEL_COMPLETE are final: the request will not change again. */
export function isDone(status: OperationStatus): boolean {
  return status === OperationStatus.SUCCESS || status === OperationStatus.FAILED || status === OperationStatus.CANCEL_COMPLETE;
}

const OPERATIONS: ReadonlySet<string> = new Set(Object.values(ResourceOperation));
const STATUSES: ReadonlySet<string> = new Set(Object.values(OperationStatus));

/** Thrown for a ProgressEvent the gateway cannot represent; classified as UPSTREAM_ERROR. */
export class MalformedProgressEventError extends Error {
  override readonly name = "MalformedProgressEventError";
}

function parseModel(json: string | undefined): Record<string, unknown> | null {
  if (json === undefined || json === "") return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function resourceRequestOf(region: string, event: ProgressEvent | undefined): ResourceRequestModel {
  const operation = event?.Operation;
  const status = event?.OperationStatus;
  if (!event?.RequestToken || operation === undefined || !OPERATIONS.has(operation) || status === undefined || !STATUSES.has(status)) {
    throw new MalformedProgressEventError(
      `Cloud Control answered a ProgressEvent without a usable RequestToken, Operation or OperationStatus (${JSON.stringify({
        RequestToken: event?.RequestToken,
        Operation: operation,
        OperationStatus: status,
      })}).`,
    );
  }
  return {
    region,
    typeName: event.TypeName ?? null,
    requestToken: event.RequestToken,
    operation: operation as ResourceOperation,
    status: status as OperationStatus,
    identifier: event.Identifier || null,
    statusMessage: event.StatusMessage || null,
    errorCode: event.ErrorCode ?? null,
    eventTime: event.EventTime ?? null,
    retryAfter: event.RetryAfter ?? null,
    resourceModel: parseModel(event.ResourceModel),
  };
}
