// The per-request Cloud Control call budget: every call of the facade spends one, and a call past
// the budget fails with BAD_USER_INPUT before it is made. The estimate (cost.ts) refuses most
// expensive operations up front; this holds the limit when the estimate is wrong (a listing whose
// pages are smaller than assumed, a future field the estimate does not know).
import type { RouteResponseCloudControl } from "../cloudcontrol/routeResponseApi.js";
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

type Facade = RouteResponseCloudControl;

/** The facade with every method spending from `budget` first (a refused call is a rejected promise). */
export function withCallBudget(inner: Facade, budget: CallBudget): Facade {
  return {
    getRouteResponse: async (...args: Parameters<Facade["getRouteResponse"]>) => (budget.spend(), inner.getRouteResponse(...args)),
    listRouteResponses: async (...args: Parameters<Facade["listRouteResponses"]>) => (budget.spend(), inner.listRouteResponses(...args)),
    createRouteResponse: async (...args: Parameters<Facade["createRouteResponse"]>) => (budget.spend(), inner.createRouteResponse(...args)),
    updateRouteResponse: async (...args: Parameters<Facade["updateRouteResponse"]>) => (budget.spend(), inner.updateRouteResponse(...args)),
    deleteRouteResponse: async (...args: Parameters<Facade["deleteRouteResponse"]>) => (budget.spend(), inner.deleteRouteResponse(...args)),
    getRequestStatus: async (...args: Parameters<Facade["getRequestStatus"]>) => (budget.spend(), inner.getRequestStatus(...args)),
    listRequests: async (...args: Parameters<Facade["listRequests"]>) => (budget.spend(), inner.listRequests(...args)),
    cancelRequest: async (...args: Parameters<Facade["cancelRequest"]>) => (budget.spend(), inner.cancelRequest(...args)),
  };
}
