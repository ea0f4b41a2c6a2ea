// The request id of the work in progress, for log lines written where no request is at hand: the
// error formatter (Apollo calls it with the error only) logs an internal error's cause, and the
// operator must find that line under the id the caller was given. Each door runs a request's work
// inside its scope; AsyncLocalStorage carries it through every await from there.
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it awaits or starts) as the request `requestId`'s. */
export function inRequest<T>(requestId: string, work: () => T): T {
  return scope.run(requestId, work);
}

/** The id of the request whose work is running; undefined outside any. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}
