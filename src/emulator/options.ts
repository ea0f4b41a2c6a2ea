// The emulator's public, in-process surface: what tests, benchmarks and the demo may set and read.
// Everything here can also be set over HTTP at run time (`/_emulator/*`, see control.ts).

/** The eight Cloud Control operations, as they appear in `x-amz-target: CloudApiService.<Operation>`. */
export const Operation = {
  CreateResource: "CreateResource",
  GetResource: "GetResource",
  UpdateResource: "UpdateResource",
  DeleteResource: "DeleteResource",
  ListResources: "ListResources",
  GetResourceRequestStatus: "GetResourceRequestStatus",
  ListResourceRequests: "ListResourceRequests",
  CancelResourceRequest: "CancelResourceRequest",
} as const;
export type Operation = (typeof Operation)[keyof typeof Operation];
export const OPERATIONS: readonly Operation[] = Object.values(Operation);

/** An error to answer instead of running an operation: any Cloud Control error code. */
export interface InjectedError {
  operation: Operation;
  /** The `__type` to answer, e.g. `ThrottlingException` or `ServiceInternalErrorException`. */
  code: string;
  message?: string;
  /** HTTP status; defaults to the status AWS uses for `code` (400 for unknown codes). */
  status?: number;
  /** How many calls to fail; `undefined` means every call until cleared. */
  count?: number;
}

/** Makes the next writes' handlers fail: the request is accepted, then ends FAILED. */
export interface ForcedHandlerFailure {
  /** How many of the next Create/Update/Delete requests fail. */
  count: number;
  /** A HandlerErrorCode, e.g. `GeneralServiceException` or `ServiceInternalError`. */
  errorCode: string;
  statusMessage?: string;
}

export interface FaultSettings {
  /** Fixed latency added to every Cloud Control call, in milliseconds. */
  latencyMs: number;
  /** Up to this many extra milliseconds, uniformly random, per call. */
  jitterMs: number;
  /** Calls per second per region before ThrottlingException (429); `null` is unlimited. */
  rateLimitPerSecond: number | null;
  injectedErrors: InjectedError[];
}

/** One seeded resource. `region` defaults to the emulator's default region. */
export interface SeedResource {
  region?: string;
  typeName: string;
  properties: Record<string, unknown>;
  /**
   * The token of the finished (SUCCESS) CREATE request that made the resource, which
   * GetResourceRequestStatus and ListResourceRequests then answer: a seed can give documentation
   * and examples a real request token to follow. None by default.
   */
  requestToken?: string;
}

/** The form of a seed file (`--seed FILE`) and of the built-in `demo` seed. */
export interface SeedDocument {
  resources: SeedResource[];
}

/** Strict mode: SigV4 signatures are verified against these key pairs. */
export interface StaticCredential {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4566; 0 picks a free port (see `RunningEmulator.url`). */
  port?: number;
  /** `"demo"`, a seed document, or a path to a JSON seed file. */
  seed?: "demo" | SeedDocument | string;
  /** The region of requests that carry no SigV4 credential scope. Default us-east-1. */
  defaultRegion?: string;
  /** The account id that appears in ARNs and API Gateway messages. Default 123456789012. */
  accountId?: string;
  /** How long a write takes before it succeeds or fails, in ms. Default 0 (done by the next read). */
  writeDurationMs?: number;
  /** Items per ListResources page (AWS ignores MaxResults). Default 25. */
  listPageSize?: number;
  /** ListResources items carry full models instead of only the primary identifier. Default false. */
  listFullModels?: boolean;
  /** When set, requests must be SigV4-signed by one of these keys. */
  strictCredentials?: StaticCredential[];
  /**
   * Accept any RouteResponseKey on WebSocket routes (still one per key and route), instead of only
   * `$default` as API Gateway does. For tests and benchmarks that need many route responses under
   * one route; never what AWS does. Default false.
   */
  lenientRouteResponseKeys?: boolean;
  /**
   * Answer a missing resource (GetResource, UpdateResource, a list's missing parent) with the bare
   * code `ResourceNotFound` and the handler's "... Handler returned status FAILED: ..." message, a
   * form AWS also sends, instead of `ResourceNotFoundException`. Default false.
   */
  bareNotFound?: boolean;
  faults?: Partial<FaultSettings>;
}

export interface OperationStats {
  calls: number;
  /** Calls answered with ThrottlingException by the rate limit. */
  throttled: number;
  /** Calls answered with any error (throttling and injected errors included). */
  errors: number;
}

export interface EmulatorStats {
  /** Cloud Control calls received (control endpoints excluded), by operation. */
  operations: Record<Operation, OperationStats>;
  total: number;
  throttled: number;
  /** The most Cloud Control calls that were being served at one moment since the last reset. */
  maxInFlight: number;
  /** Calls by region, all operations together. */
  regions: Record<string, number>;
}

export interface RunningEmulator {
  /** `http://host:port`, usable as the SDK's `endpoint`. */
  readonly url: string;
  readonly port: number;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Changes fault settings from now on; unnamed settings keep their values. */
  setFaults(faults: Partial<FaultSettings>): void;
  failNextWrites(failure: ForcedHandlerFailure): void;
  /** Moves the emulator's clock forward (request expiry, client-token validity). */
  advanceClock(seconds: number): void;
  /** Loads more resources, as a seed does. */
  seed(doc: SeedDocument): void;
  close(): Promise<void>;
}
