// Cloud Control's errors as the wire shows them: an HTTP status, a `__type` and a `Message`.
// Statuses follow the service's Smithy model (reference §4); errors the model does not name but the
// real service returns (ValidationException, Coral's framework errors) carry Coral's namespace.
import { randomUUID } from "node:crypto";

const CORAL = "com.amazon.coral.service#";

/** HTTP status per error code. Codes not listed answer 400, as AWS does for client errors. */
const STATUS: Readonly<Record<string, number>> = {
  AlreadyExistsException: 400,
  ClientTokenConflictException: 409,
  ConcurrentOperationException: 409,
  ConcurrentModificationException: 500,
  GeneralServiceException: 400,
  HandlerFailureException: 502,
  HandlerInternalFailureException: 502,
  InvalidCredentialsException: 401,
  InvalidRequestException: 400,
  NetworkFailureException: 502,
  ServiceInternalErrorException: 502,
  NotStabilizedException: 400,
  NotUpdatableException: 400,
  PrivateTypeException: 400,
  ServiceLimitExceededException: 400,
  RequestTokenNotFoundException: 404,
  ResourceConflictException: 409,
  ResourceNotFoundException: 404,
  ThrottlingException: 429,
  TypeNotFoundException: 404,
  UnsupportedActionException: 405,
  ValidationException: 400,
  AccessDeniedException: 400,
  UnknownOperationException: 400,
  SerializationException: 400,
  MissingAuthenticationTokenException: 400,
  UnrecognizedClientException: 400,
  InvalidSignatureException: 400,
  InternalFailure: 500,
};

/** Errors that come from AWS's request framework rather than the service's own model. */
const NAMESPACED: Readonly<Record<string, string>> = {
  ValidationException: "com.amazon.coral.validate#",
  AccessDeniedException: CORAL,
  UnknownOperationException: CORAL,
  SerializationException: CORAL,
  MissingAuthenticationTokenException: CORAL,
  UnrecognizedClientException: CORAL,
  InvalidSignatureException: CORAL,
  InternalFailure: CORAL,
};

export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

/** An error answered to the caller. Thrown anywhere in the emulator, serialised once by the server. */
export class CloudControlError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status?: number) {
    super(message);
    this.name = "CloudControlError";
    this.code = code;
    this.status = status ?? statusOf(code);
  }

  /** The `__type` member: the bare code for modelled errors, `namespace#Code` for framework ones. */
  get wireType(): string {
    return (NAMESPACED[this.code] ?? "") + this.code;
  }
}

const notFoundSentence = (typeName: string, identifier: string) => `Resource of type '${typeName}' with identifier '${identifier}' was not found.`;

export const resourceNotFound = (typeName: string, identifier: string) =>
  new CloudControlError("ResourceNotFoundException", notFoundSentence(typeName, identifier));

/**
 * A missing resource answered as AWS also answers it (reference §7): the bare code `ResourceNotFound`
 * and the handler's failure, `<Type> Handler returned status FAILED: <why> (HandlerErrorCode:
 * NotFound, RequestToken: <token>)`. Chosen by the `bareNotFound` option.
 * UNDOCUMENTED: the HTTP status of this form; the emulator answers 404, as for ResourceNotFoundException.
 */
export const bareResourceNotFound = (typeName: string, why: string) =>
  new CloudControlError(
    "ResourceNotFound",
    `${typeName} Handler returned status FAILED: ${why} (HandlerErrorCode: NotFound, RequestToken: ${randomUUID()})`,
    404,
  );

/** A missing resource in the form the emulator's settings ask for. */
export function missingResource(bare: boolean, typeName: string, identifier: string): CloudControlError {
  return bare ? bareResourceNotFound(typeName, notFoundSentence(typeName, identifier)) : resourceNotFound(typeName, identifier);
}

export const typeNotFound = (typeName: string) =>
  new CloudControlError("TypeNotFoundException", `The type '${typeName}' cannot be found.`);

export const requestTokenNotFound = (token: string) =>
  new CloudControlError("RequestTokenNotFoundException", `Request with token ${token} was not found.`);

export const validation = (message: string) => new CloudControlError("ValidationException", message);

export const invalidRequest = (message: string) => new CloudControlError("InvalidRequestException", message);
