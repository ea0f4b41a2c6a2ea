// Maps whatever an SDK call threw to the gateway's public error codes, keeping the AWS error name and
// request id for `extensions`. Error names come from the reference (§4): the modelled exceptions,
// plus ValidationException and AccessDeniedException that the real service returns unmodelled, and
// the authentication errors of AWS's front door (UnrecognizedClient, InvalidSignature, ...).
import { ErrorCode, GatewayError } from "../errors.js";
import { endpointOfError } from "./endpoint.js";
import { MalformedProgressEventError } from "./resourceRequest.js";

const CODE_BY_AWS_NAME: Readonly<Record<string, ErrorCode>> = {
  ResourceNotFoundException: ErrorCode.NOT_FOUND,
  ResourceNotFound: ErrorCode.NOT_FOUND,
  RequestTokenNotFoundException: ErrorCode.NOT_FOUND,

  ClientTokenConflictException: ErrorCode.CONFLICT,
  ConcurrentOperationException: ErrorCode.CONFLICT,
  ConcurrentModificationException: ErrorCode.CONFLICT,
  ResourceConflictException: ErrorCode.CONFLICT,
  AlreadyExistsException: ErrorCode.CONFLICT,

  ThrottlingException: ErrorCode.THROTTLED,
  Throttling: ErrorCode.THROTTLED,
  TooManyRequestsException: ErrorCode.THROTTLED,
  RequestLimitExceeded: ErrorCode.THROTTLED,

  AccessDeniedException: ErrorCode.FORBIDDEN,
  AccessDenied: ErrorCode.FORBIDDEN,
  InvalidCredentialsException: ErrorCode.FORBIDDEN,
  UnrecognizedClientException: ErrorCode.FORBIDDEN,
  InvalidSignatureException: ErrorCode.FORBIDDEN,
  MissingAuthenticationTokenException: ErrorCode.FORBIDDEN,
  ExpiredTokenException: ErrorCode.FORBIDDEN,
  InvalidClientTokenId: ErrorCode.FORBIDDEN,
  UnauthorizedTaggingOperation: ErrorCode.FORBIDDEN,

  ValidationException: ErrorCode.BAD_USER_INPUT,
  InvalidRequestException: ErrorCode.BAD_USER_INPUT,
  NotUpdatableException: ErrorCode.BAD_USER_INPUT,

  RequestTimeout: ErrorCode.UPSTREAM_TIMEOUT,
  RequestTimeoutException: ErrorCode.UPSTREAM_TIMEOUT,
};

/** Node's socket error codes: AWS could not be reached or hung up. */
const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * What the SDK's credential providers throw when the chain yields nothing usable: no credentials
 * anywhere, a profile missing from the files, an SSO session or token that expired or cannot load.
 */
const CREDENTIALS_ERROR_NAMES: ReadonlySet<string> = new Set(["CredentialsProviderError", "TokenProviderError"]);

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { requestId?: unknown; httpStatusCode?: unknown };
}

/** AWS's message is kept as it is: formatError masks ARNs and account ids (MASK_AWS_MESSAGES). */
export function classifyCloudControlError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const shape = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const name = typeof shape.name === "string" ? shape.name : "Error";
  const message = typeof shape.message === "string" && shape.message !== "" ? shape.message : name;
  const requestId = typeof shape.$metadata?.requestId === "string" ? shape.$metadata.requestId : undefined;

  if (error instanceof MalformedProgressEventError) {
    return new GatewayError(ErrorCode.UPSTREAM_ERROR, error.message, { cause: error });
  }
  const at = endpointOfError(error);
  const cloudControl = at === undefined ? "Cloud Control" : `Cloud Control at ${at}`;
  if (name === "TimeoutError" || shape.code === "ETIMEDOUT") {
    return new GatewayError(ErrorCode.UPSTREAM_TIMEOUT, `${cloudControl} did not answer in time (CLOUDCONTROL_REQUEST_TIMEOUT_MS per attempt).`, { awsErrorName: name, cause: error });
  }
  if (typeof shape.code === "string" && NETWORK_ERROR_CODES.has(shape.code)) {
    return new GatewayError(ErrorCode.UPSTREAM_ERROR, `${cloudControl} could not be reached (${shape.code}).`, { cause: error });
  }
  if (CREDENTIALS_ERROR_NAMES.has(name)) {
    // The gateway's own setup is wrong: nothing the caller can fix, nothing AWS answered.
    return new GatewayError(
      ErrorCode.AWS_CREDENTIALS_UNAVAILABLE,
      "The gateway cannot load its AWS credentials, so nothing was sent to AWS; its operator finds the cause in the gateway's log under this request id.",
      { cause: error },
    );
  }
  const isAwsAnswer = shape.$fault === "client" || shape.$fault === "server" || requestId !== undefined;
  if (!isAwsAnswer) {
    // Not an answer from AWS: a bug or an SDK failure we do not know. Logged by the formatter.
    return new GatewayError(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error", { cause: error });
  }
  const code = CODE_BY_AWS_NAME[name] ?? ErrorCode.UPSTREAM_ERROR;
  return new GatewayError(code, message, { awsErrorName: name, awsRequestId: requestId, cause: error });
}

/** Errors worth another try later (while waiting for a request, for example). */
export function isTransient(error: GatewayError): boolean {
  return error.code === ErrorCode.THROTTLED || error.code === ErrorCode.UPSTREAM_ERROR || error.code === ErrorCode.UPSTREAM_TIMEOUT;
}

/** Socket errors raised before a connection exists: the attempt never left the gateway. */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Whether one failed attempt of a write may have reached Cloud Control and been applied. Only an
 * answer with a client fault (4xx: validation, conflict, throttling, not found, refused credentials,
 * all decided before anything is written) and a connection that never opened say it was not. A
 * timeout, a reset or cut connection, a server fault (5xx) or an abort in flight may hide a write
 * that Cloud Control made.
 */
export function attemptMayHaveApplied(error: unknown): boolean {
  const shape = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const status = shape.$metadata?.httpStatusCode;
  if (shape.$fault === "client" || (typeof status === "number" && status >= 400 && status < 500)) return false;
  return !(typeof shape.code === "string" && NEVER_SENT_CODES.has(shape.code));
}

/**
 * A write that got no answer after it may have reached Cloud Control. It carries the write's
 * ClientToken: the same mutation retried with it answers the original request (Cloud Control
 * replays a token used with the same input for 36 hours) and never makes a second change.
 */
export class WriteOutcomeUnknownError extends GatewayError {
  readonly clientToken: string;

  /** `why` is what went wrong, as the error that would have been thrown otherwise says it. */
  constructor(write: "create" | "update" | "delete", clientToken: string, why: GatewayError) {
    super(
      ErrorCode.WRITE_OUTCOME_UNKNOWN,
      `${why.message} The ${write} may or may not have been applied: retry the same mutation with clientToken "${clientToken}" ` +
        "(within 36 hours) to get its request; Cloud Control then answers the original request and makes no second change.",
      { awsErrorName: why.awsErrorName, awsRequestId: why.awsRequestId, cause: why },
    );
    this.clientToken = clientToken;
  }

  override get extensions(): Record<string, string | number> {
    return { ...super.extensions, clientToken: this.clientToken };
  }
}
