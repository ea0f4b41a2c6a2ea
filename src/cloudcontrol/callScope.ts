// What one Cloud Control call carries down the SDK's middleware to its HTTP request: the operation's
// signal (its deadline, or the gateway's shutdown) and, for a write, a watch on its attempts.
// The clients run with the SDK's middleware cache (`cacheMiddleware: true`): each command class's
// handler, and the context its middleware sees, are built on the first call and shared by every later
// one, and `send(command, options)` with any options bypasses that cache and empties it. So nothing
// per call can go in the options or the context: it travels with the command's input object, which
// every middleware step's arguments carry, and from the last step (once per attempt, just before the
// wire) with the HTTP request, which is all the request handler is given.
import type { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import type { DeserializeMiddleware, HttpHandlerOptions, MetadataBearer, RequestHandler } from "@smithy/types";
import { attemptMayHaveApplied } from "./errors.js";

/** A write's attempts where they meet the HTTP handler. */
export interface AttemptWatch {
  /** Attempts on the wire now. */
  open: number;
  /** An attempt failed after it may have reached Cloud Control (attemptMayHaveApplied). */
  unanswered: boolean;
}

export interface CallScope {
  /** Waiting for pacing and the HTTP request both stop when it aborts. */
  readonly signal?: AbortSignal | undefined;
  /** Writes only: filled in by every attempt. */
  readonly attempts?: AttemptWatch | undefined;
}

const scopes = new WeakMap<object, CallScope>();
const requestSignals = new WeakMap<object, AbortSignal>();

/** `input`, to be sent with `scope`: `new GetResourceCommand(scoped({ ... }, scope))`. */
export function scoped<I extends object>(input: I, scope: CallScope): I {
  if (scope.signal !== undefined || scope.attempts !== undefined) scopes.set(input, scope);
  return input;
}

/** The scope of the call whose middleware arguments these are (any step). */
export function scopeOf(args: { input?: unknown }): CallScope | undefined {
  const { input } = args;
  return typeof input === "object" && input !== null ? scopes.get(input) : undefined;
}

/** Whether an attempt of the watched write may have reached Cloud Control without its answer being read. */
export function mayHaveApplied(watch: AttemptWatch): boolean {
  return watch.unanswered || watch.open > 0;
}

/** Once per attempt, closest to the wire: hands the signal to the request handler and watches writes. */
const perAttempt: DeserializeMiddleware<object, MetadataBearer> = (next) => async (args) => {
  const scope = scopeOf(args);
  if (scope === undefined) return next(args);
  if (scope.signal !== undefined) requestSignals.set(args.request as object, scope.signal);
  const watch = scope.attempts;
  if (watch === undefined) return next(args);
  watch.open += 1;
  try {
    return await next(args);
  } catch (error) {
    if (attemptMayHaveApplied(error)) watch.unanswered = true;
    throw error;
  } finally {
    watch.open -= 1;
  }
};

/**
 * Makes `client` honour the scopes of its calls: its request handler (the SDK's NodeHttpHandler, as
 * the client configured it) aborts a request when its call's signal aborts, as it does for
 * `send(command, { abortSignal })`.
 */
export function carryCallScopes(client: CloudControlClient): void {
  client.middlewareStack.add(perAttempt, { step: "deserialize", name: "gatewayCallScope", priority: "high" });
  const config = client.config as { requestHandler: RequestHandler<unknown, unknown, HttpHandlerOptions> };
  const inner = config.requestHandler;
  const handle = inner.handle.bind(inner);
  // The handler the client made keeps its configuration, agents and destroy(); only handle() learns the signal.
  inner.handle = (request, options) => {
    const abortSignal = requestSignals.get(request as object);
    return handle(request, abortSignal === undefined ? options : { ...options, abortSignal });
  };
}
