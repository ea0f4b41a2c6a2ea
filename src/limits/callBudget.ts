// The per-request Cloud Control call budget: every call of the facade spends one, and a call past
// the budget fails with BAD_USER_INPUT before it is made. The estimate (cost.ts) refuses most
// expensive operations up front; this holds the limit when the estimate is wrong (a listing whose
// pages are smaller than assumed, a future field the estimate does not know).
import type { CloudControlFacade } from "../cloudcontrol/facade.js";
import { ErrorCode, GatewayError } from "../errors.js";
import { LimitExceededError } from "./errors.js";

export interface CallBudget {
  readonly limit: number;
  /** Calls made (or refused) so far. */
  readonly used: number;
  readonly remaining: number;
  /** Takes one call from the budget, or throws when none is left. */
  spend(): void;
}

/**
 * A budget of `limit` calls. With `isOpen`, it is closed (every call refused as a bug) until
 * `isOpen()` turns true: the operation pipeline opens it once the operation passed every check.
 */
export function createCallBudget(limit: number, isOpen: () => boolean = () => true): CallBudget {
  let used = 0;
  return {
    limit,
    get used() {
      return used;
    },
    get remaining() {
      return isOpen() ? Math.max(0, limit - used) : 0;
    },
    spend() {
      if (!isOpen()) throw new GatewayError(ErrorCode.INTERNAL_SERVER_ERROR, "A Cloud Control call was attempted for an operation the pipeline did not admit.");
      if (used >= limit) {
        throw new LimitExceededError(
          "cloudControlCalls",
          used + 1,
          limit,
          `This operation needs more than ${limit} Cloud Control calls, the limit of one request (MAX_COST): ask for fewer items or fields.`,
        );
      }
      used += 1;
    },
  };
}

/**
 * The facade with every method spending from `budget` first (a refused call is a rejected promise),
 * and every failure, refusals included, shown to `onFailure` before it is thrown on.
 */
export function withCallBudget(inner: CloudControlFacade, budget: CallBudget, onFailure: (error: unknown) => void = () => {}): CloudControlFacade {
  const failed = (error: unknown): never => {
    onFailure(error);
    throw error;
  };
  const spend = async <T>(call: () => Promise<T>): Promise<T> => {
    budget.spend();
    return call();
  };
  const calling = <T>(call: () => Promise<T>): Promise<T> => spend(call).catch(failed);
  return {
    getResource: (type, region, identifier) => calling(() => inner.getResource(type, region, identifier)),
    listResources: (type, region, parent, nextToken) => calling(() => inner.listResources(type, region, parent, nextToken)),
    createResource: (...args) => calling(() => inner.createResource(...args)),
    updateResource: (...args) => calling(() => inner.updateResource(...args)),
    deleteResource: (...args) => calling(() => inner.deleteResource(...args)),
    getRequestStatus: (...args) => calling(() => inner.getRequestStatus(...args)),
    listRequests: (...args) => calling(() => inner.listRequests(...args)),
    cancelRequest: (...args) => calling(() => inner.cancelRequest(...args)),
  };
}
