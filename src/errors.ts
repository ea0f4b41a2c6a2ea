// The public error codes and the one place where errors are normalised for clients.
//
// Everything a client sees in `errors[].extensions.code` comes from here. Code below the GraphQL
// layer (cloudcontrol/, loaders/, the route response domain) throws `GatewayError`, a plain Error
// that knows its code: this module imports graphql only for types, so those layers stay free of it.
import type { GraphQLFormattedError } from "graphql";

/** The codes of errors the gateway throws. A closed set: clients may switch on it. */
export const ErrorCode = {
  /** The arguments cannot be right: malformed ids or cursors, invalid regions, forbidden patches. */
  BAD_USER_INPUT: "BAD_USER_INPUT",
  /** The thing to change or cancel does not exist (reads answer null instead). */
  NOT_FOUND: "NOT_FOUND",
  /** Another write is in flight, the client token was used for other input, or the state forbids it. */
  CONFLICT: "CONFLICT",
  /** AWS asked us to slow down; retrying later may work. */
  THROTTLED: "THROTTLED",
  /** AWS refused the gateway's credentials or permissions. */
  FORBIDDEN: "FORBIDDEN",
  /** The caller is not authenticated (reserved for the gateway's own authentication). */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /**
   * A subscription came through a transport that cannot stream its events (a plain JSON POST or GET,
   * a Lambda event); the message says where to subscribe instead.
   */
  STREAMING_TRANSPORT_REQUIRED: "STREAMING_TRANSPORT_REQUIRED",
  /**
   * A browser sent a simple (not preflighted) request from another site's page, which the gateway
   * does not serve: CSRF prevention (docs/frontends.md, "CSRF and GET").
   */
  CROSS_SITE_REQUEST: "CROSS_SITE_REQUEST",
  /** The gateway is shutting down: the last event of a stream it ended; subscribe again. */
  SHUTTING_DOWN: "SHUTTING_DOWN",
  /** AWS failed or answered something the gateway cannot use. */
  UPSTREAM_ERROR: "UPSTREAM_ERROR",
  /** AWS did not answer in time. */
  UPSTREAM_TIMEOUT: "UPSTREAM_TIMEOUT",
  /**
   * A write got no answer (timeout, cut connection, server fault, gateway shutdown) after it may have
   * reached Cloud Control: it may or may not be applied. `extensions.clientToken` resumes it.
   */
  WRITE_OUTCOME_UNKNOWN: "WRITE_OUTCOME_UNKNOWN",
  /**
   * The gateway cannot load its own AWS credentials (no credentials in the SDK's chain, a profile
   * that does not exist, an expired SSO session): nothing reached AWS, and only an operator can fix
   * it. The cause is logged under the request id, which the error carries (`extensions.requestId`).
   */
  AWS_CREDENTIALS_UNAVAILABLE: "AWS_CREDENTIALS_UNAVAILABLE",
  /** A bug in the gateway; details are logged, never sent. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * Codes Apollo Server assigns itself before any resolver runs (parse and validation failures,
 * malformed HTTP requests, variable coercion). They are well-formed answers to bad requests, so they
 * pass through unchanged; Apollo's BAD_USER_INPUT (variable coercion) is already one of ours.
 */
const APOLLO_REQUEST_CODES: ReadonlySet<string> = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "PERSISTED_QUERY_HASH_MISMATCH",
  "OPERATION_RESOLUTION_FAILURE",
  "INTROSPECTION_DISABLED",
  "MAX_RECURSIVE_SELECTIONS_EXCEEDED",
]);

/**
 * Request errors Apollo Server raises without a code (it answers them with HTTP 400, but a missing
 * code reads as INTERNAL_SERVER_ERROR), by their fixed message: the code and message clients get.
 * A hash that does not match its query takes the code that Apollo Router and other APQ servers
 * give it; Apollo Client's persisted-queries link retries only on PERSISTED_QUERY_NOT_FOUND and
 * gives up on PERSISTED_QUERY_NOT_SUPPORTED, so neither would be right for a mismatch.
 */
const UNCODED_APOLLO_REQUEST_ERRORS: ReadonlyMap<string, { code: string; message: string }> = new Map([
  [
    "provided sha does not match query",
    {
      code: "PERSISTED_QUERY_HASH_MISMATCH",
      message: "provided sha does not match query: extensions.persistedQuery.sha256Hash must be the hex SHA-256 of the query text sent with it.",
    },
  ],
  [
    "Unsupported persisted query version",
    { code: "BAD_REQUEST", message: "Unsupported persisted query version: extensions.persistedQuery.version must be 1." },
  ],
]);

export interface GatewayErrorDetails {
  /** The AWS error name (`ThrottlingException`), when AWS answered. */
  awsErrorName?: string | undefined;
  /** AWS's request id (`x-amzn-RequestId`), when AWS answered: what AWS support asks for. */
  awsRequestId?: string | undefined;
  cause?: unknown;
}

/**
 * An expected failure with a public code. graphql-js copies an original error's `extensions` onto
 * the GraphQLError it builds, so throwing one of these from a resolver is enough.
 */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  readonly code: ErrorCode;
  readonly awsErrorName: string | undefined;
  readonly awsRequestId: string | undefined;

  constructor(code: ErrorCode, message: string, details: GatewayErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.awsErrorName = details.awsErrorName;
    this.awsRequestId = details.awsRequestId;
  }

  /** Subclasses may add details (limits add the measure and the limit, as numbers). */
  get extensions(): Record<string, string | number> {
    const extensions: Record<string, string | number> = { code: this.code };
    if (this.awsErrorName !== undefined) extensions.awsErrorName = this.awsErrorName;
    if (this.awsRequestId !== undefined) extensions.awsRequestId = this.awsRequestId;
    return extensions;
  }
}

export const badUserInput = (message: string): GatewayError => new GatewayError(ErrorCode.BAD_USER_INPUT, message);

/** What the gateway logs with; `console` fits. */
export interface GatewayLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** The error a resolver threw, under the GraphQLError that graphql-js wrapped around it. */
function originalErrorOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (inner === undefined || inner === null) return current;
    current = inner;
  }
  return current;
}

/** Codes whose answers carry `extensions.requestId`: the log holds what an operator needs under it. */
const CODES_WITH_REQUEST_ID: ReadonlySet<string> = new Set([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.AWS_CREDENTIALS_UNAVAILABLE]);

/**
 * What an operator must act on in an error a resolver threw, for the operation's log record: the
 * cause of AWS credentials that cannot be loaded (the SDK's words, naming no secret). Undefined for
 * every other error.
 */
export function operatorProblemOf(error: unknown): string | undefined {
  const original = originalErrorOf(error);
  if (!(original instanceof GatewayError) || original.code !== ErrorCode.AWS_CREDENTIALS_UNAVAILABLE) return undefined;
  const cause = original.cause as { name?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.message === "string" && cause.message !== "" ? cause.message : original.message;
  return `${ErrorCode.AWS_CREDENTIALS_UNAVAILABLE}: ${typeof cause?.name === "string" ? `${cause.name}: ` : ""}${detail}`;
}

/**
 * The operation pipeline's refusals (src/pipeline/refusal.ts): errors made to be sent, with a public
 * code and public extensions (a limit's measure and bound). Recognised by shape, so this module
 * needs nothing from the pipeline.
 */
function isPublicRefusal(error: unknown): error is Error & { extensions: Record<string, string | number> } {
  if (!(error instanceof Error) || error.name !== "Refusal") return false;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === "string" && code !== ErrorCode.INTERNAL_SERVER_ERROR && (PUBLIC_CODES.has(code) || APOLLO_REQUEST_CODES.has(code));
}

export interface ErrorFormatterOptions {
  /** MASK_AWS_MESSAGES: hide ARNs and account ids in AWS's messages (default true). */
  maskAwsMessages?: boolean;
  /** The id of the request being answered, for the log line of an internal error's cause (the one its answer carries). */
  requestId?: () => string | undefined;
}

/**
 * ARNs and 12-digit account ids name accounts, roles and users: useful in logs, not in answers to
 * API clients. AWS puts them in AccessDenied messages and in handlers' status messages.
 */
export function maskAwsMessage(message: string): string {
  return message.replace(/arn:aws[a-z-]*:[^\s,;'"()]*/g, "<arn>").replace(/(?<![\w-])\d{12}(?![\w-])/g, "<account>");
}

/**
 * Apollo's `formatError`: keeps our codes and AWS details, passes Apollo's request-level codes,
 * and turns anything else into INTERNAL_SERVER_ERROR with a fixed message (the cause is logged,
 * never sent: it may hold stack frames, ARNs or upstream bodies).
 */
export function createErrorFormatter(logger: GatewayLogger, options: ErrorFormatterOptions = {}) {
  const mask = options.maskAwsMessages ?? true;
  const underRequestId = (message: string): string => {
    const requestId = options.requestId?.();
    return requestId === undefined ? message : `${message} (requestId ${requestId})`;
  };
  // Every door formats through here, inside its request's scope: the answers whose cause only the
  // log holds carry the request id, wherever they are sent.
  const withRequestId = (answer: GraphQLFormattedError): GraphQLFormattedError => {
    const requestId = CODES_WITH_REQUEST_ID.has(String(answer.extensions?.code)) ? options.requestId?.() : undefined;
    return requestId === undefined ? answer : { ...answer, extensions: { ...answer.extensions, requestId } };
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => withRequestId(format(formatted, error));
  function format(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = originalErrorOf(error);
    const where = { locations: formatted.locations, path: formatted.path };
    if (original instanceof GatewayError) {
      if (original.code === ErrorCode.INTERNAL_SERVER_ERROR) logger.error(underRequestId("internal error"), original.cause ?? original);
      const message = mask && original.awsErrorName !== undefined ? maskAwsMessage(original.message) : original.message;
      return { message, ...where, extensions: original.extensions };
    }
    if (isPublicRefusal(original)) return { message: original.message, ...where, extensions: original.extensions };
    const code = formatted.extensions?.code;
    // Apollo's own (no path, nothing wrapped): a resolver's or a plugin's error with the same text stays internal.
    const apollos = original === error && formatted.path === undefined && code === ErrorCode.INTERNAL_SERVER_ERROR;
    const uncoded = apollos ? UNCODED_APOLLO_REQUEST_ERRORS.get(formatted.message) : undefined;
    if (uncoded !== undefined) return { message: uncoded.message, ...where, extensions: { code: uncoded.code } };
    if (typeof code === "string" && code !== ErrorCode.INTERNAL_SERVER_ERROR && (PUBLIC_CODES.has(code) || APOLLO_REQUEST_CODES.has(code))) {
      return { message: formatted.message, ...where, extensions: { code } };
    }
    logger.error(underRequestId(`unexpected error at ${formatted.path?.join(".") ?? "(request)"}`), original);
    return { message: "Internal server error", ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
}
