// A refusal of the pipeline: an expected failure before anything runs, with the HTTP status and
// headers an HTTP-shaped door answers with and the WebSocket close code a socket door uses. Doors
// translate it; none decides the code, the status or the message itself.
import { ErrorCode } from "../errors.js";
import type { GatewayError } from "../errors.js";

/** Codes the pipeline's own steps answer with besides the gateway's (graphql-js's and Apollo's names). */
export const RequestCode = {
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  BAD_REQUEST: "BAD_REQUEST",
} as const;
export type RequestCode = (typeof RequestCode)[keyof typeof RequestCode];

export interface RefusalOptions {
  /** The HTTP status an HTTP door answers with. */
  status: number;
  /** HTTP headers to add (WWW-Authenticate on 401). */
  headers?: Readonly<Record<string, string>>;
  /** Extra public extensions (a limit's measure and bound). */
  extensions?: Readonly<Record<string, string | number>>;
  /** Where in the document (parse and validation errors). */
  locations?: ReadonlyArray<{ line: number; column: number }>;
}

/** What an operation or a caller is refused with, by every door alike. */
export class Refusal extends Error {
  override readonly name = "Refusal";
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly locations: ReadonlyArray<{ line: number; column: number }> | undefined;
  private readonly extra: Readonly<Record<string, string | number>>;

  constructor(
    readonly code: ErrorCode | RequestCode,
    message: string,
    options: RefusalOptions,
  ) {
    super(message);
    this.status = options.status;
    this.headers = options.headers ?? {};
    this.extra = options.extensions ?? {};
    this.locations = options.locations;
  }

  get extensions(): Record<string, string | number> {
    return { ...this.extra, code: this.code };
  }

  /**
   * The close code of a WebSocket refused before it was accepted as a connection: 4401 and 4403 are
   * graphql-ws's names for unauthenticated and forbidden sockets.
   */
  get closeCode(): number {
    return this.status === 401 ? 4401 : 4403;
  }

  /** A GatewayError's refusal (limits, scopes): its public extensions, with the status given. */
  static of(error: GatewayError, status: number): Refusal {
    return new Refusal(error.code, error.message, { status, extensions: error.extensions });
  }
}

export const forbidden = (message: string): Refusal => new Refusal(ErrorCode.FORBIDDEN, message, { status: 403 });
export const badRequest = (message: string): Refusal => new Refusal(RequestCode.BAD_REQUEST, message, { status: 400 });
