// Faults for tests and benchmarks (latency, a per-region rate limit, injected errors, forced handler
// failures) and the counters that let tests assert how many Cloud Control calls a gateway made.
import { CloudControlError } from "./errors.js";
import { OPERATIONS } from "./options.js";
import type { EmulatorStats, FaultSettings, ForcedHandlerFailure, InjectedError, Operation, OperationStats } from "./options.js";
import type { HandlerErrorCode, HandlerFailure } from "./resourceTypes/index.js";

const HANDLER_ERROR_CODES: readonly HandlerErrorCode[] = [
  "NotUpdatable", "InvalidRequest", "AccessDenied", "InvalidCredentials", "AlreadyExists", "NotFound", "ResourceConflict",
  "Throttling", "ServiceLimitExceeded", "NotStabilized", "GeneralServiceException", "ServiceInternalError", "ServiceTimeout",
  "NetworkFailure", "InternalFailure",
];

const isCount = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;
const isMs = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n >= 0;

/** Checks fault settings once, with a sentence that states the contract when they are wrong. */
export function checkFaultSettings(faults: Partial<FaultSettings>): Partial<FaultSettings> {
  if (faults.latencyMs !== undefined && !isMs(faults.latencyMs)) throw new TypeError("latencyMs must be a number of milliseconds, 0 or more.");
  if (faults.jitterMs !== undefined && !isMs(faults.jitterMs)) throw new TypeError("jitterMs must be a number of milliseconds, 0 or more.");
  const rate = faults.rateLimitPerSecond;
  if (rate !== undefined && rate !== null && !(isCount(rate) && rate > 0)) {
    throw new TypeError("rateLimitPerSecond must be a whole number above 0, or null for no limit.");
  }
  for (const injected of faults.injectedErrors ?? []) checkInjectedError(injected);
  return faults;
}

function checkInjectedError(injected: InjectedError): void {
  if (!OPERATIONS.includes(injected.operation)) throw new TypeError(`injectedErrors: operation must be one of ${OPERATIONS.join(", ")}.`);
  if (typeof injected.code !== "string" || !/^[A-Za-z]+$/.test(injected.code)) throw new TypeError("injectedErrors: code must be an error name such as ThrottlingException.");
  if (injected.count !== undefined && !(isCount(injected.count) && injected.count > 0)) throw new TypeError("injectedErrors: count must be a whole number above 0.");
  if (injected.status !== undefined && !(isCount(injected.status) && injected.status >= 400 && injected.status <= 599)) {
    throw new TypeError("injectedErrors: status must be an HTTP error status (400-599).");
  }
}

export function checkForcedFailure(failure: ForcedHandlerFailure): ForcedHandlerFailure {
  if (!(isCount(failure.count) && failure.count > 0)) throw new TypeError("failNextWrites: count must be a whole number above 0.");
  if (!HANDLER_ERROR_CODES.includes(failure.errorCode as HandlerErrorCode)) {
    throw new TypeError(`failNextWrites: errorCode must be a HandlerErrorCode: ${HANDLER_ERROR_CODES.join(", ")}.`);
  }
  return failure;
}

const emptyOperationStats = (): OperationStats => ({ calls: 0, throttled: 0, errors: 0 });
const emptyStats = (): EmulatorStats => ({
  operations: Object.fromEntries(OPERATIONS.map((op) => [op, emptyOperationStats()])) as Record<Operation, OperationStats>,
  total: 0,
  throttled: 0,
  maxInFlight: 0,
  regions: {},
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Faults {
  private settings: FaultSettings;
  private forced: ForcedHandlerFailure[] = [];
  private counters = emptyStats();
  private inFlight = 0;
  /** Per region, the times (ms, monotonic) of the calls admitted in the last second. */
  private readonly admitted = new Map<string, number[]>();

  constructor(initial: Partial<FaultSettings> = {}) {
    this.settings = { latencyMs: 0, jitterMs: 0, rateLimitPerSecond: null, injectedErrors: [], ...checkFaultSettings(initial) };
  }

  current(): FaultSettings {
    return structuredClone(this.settings);
  }

  set(faults: Partial<FaultSettings>): void {
    checkFaultSettings(faults);
    this.settings = { ...this.settings, ...faults, injectedErrors: structuredClone(faults.injectedErrors ?? this.settings.injectedErrors) };
  }

  failNextWrites(failure: ForcedHandlerFailure): void {
    this.forced.push({ ...checkForcedFailure(failure) });
  }

  takeForcedFailure(): HandlerFailure | undefined {
    const next = this.forced[0];
    if (!next) return undefined;
    if (--next.count === 0) this.forced.shift();
    return {
      errorCode: next.errorCode as HandlerErrorCode,
      message: next.statusMessage ?? `Forced handler failure (${next.errorCode}) set by the emulator's failNextWrites.`,
    };
  }

  stats(): EmulatorStats {
    return structuredClone(this.counters);
  }

  resetStats(): void {
    this.counters = emptyStats();
    this.counters.maxInFlight = this.inFlight;
  }

  /**
   * Runs the faults that precede an operation: counts the call, waits the latency, then answers with
   * throttling or an injected error if one applies. `serve` runs only when none did.
   */
  async around<T>(operation: Operation, region: string, serve: () => T): Promise<T> {
    const stats = this.counters.operations[operation];
    stats.calls++;
    this.counters.total++;
    this.counters.regions[region] = (this.counters.regions[region] ?? 0) + 1;
    this.inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.inFlight);
    const counters = this.counters;
    try {
      const throttled = !this.admit(region);
      const { latencyMs, jitterMs } = this.settings;
      const delay = latencyMs + (jitterMs > 0 ? Math.random() * jitterMs : 0);
      if (delay > 0) await sleep(delay);
      if (throttled) {
        stats.throttled++;
        counters.throttled++;
        throw new CloudControlError("ThrottlingException", "Rate exceeded");
      }
      const injected = this.takeInjectedError(operation);
      if (injected) throw new CloudControlError(injected.code, injected.message ?? `Injected ${injected.code} for ${operation}.`, injected.status);
      return serve();
    } catch (error) {
      stats.errors++;
      throw error;
    } finally {
      this.inFlight--;
    }
  }

  /** A sliding one-second window per region; throttled calls do not use up the window. */
  private admit(region: string): boolean {
    const limit = this.settings.rateLimitPerSecond;
    if (limit === null) return true;
    const now = performance.now();
    const recent = (this.admitted.get(region) ?? []).filter((t) => now - t < 1000);
    const admitted = recent.length < limit;
    if (admitted) recent.push(now);
    this.admitted.set(region, recent);
    return admitted;
  }

  private takeInjectedError(operation: Operation): InjectedError | undefined {
    const index = this.settings.injectedErrors.findIndex((e) => e.operation === operation);
    const injected = this.settings.injectedErrors[index];
    if (!injected) return undefined;
    if (injected.count !== undefined && --injected.count === 0) this.settings.injectedErrors.splice(index, 1);
    return injected;
  }
}
