// The scope check again, on every root field: Query fields need the read scope, Mutation and
// Subscription fields the write scope. HTTP requests are refused earlier (operationGuard.ts, with
// 403); this covers every other way into the schema, such as subscriptions over WebSocket, which
// never pass Apollo's request pipeline.
import type { Principal, ScopeNames } from "../auth/index.js";
import type { OperationType } from "../auth/index.js";
import { scopeRefusal } from "../auth/index.js";
import { ErrorCode, GatewayError } from "../errors.js";

type AnyFunction = (parent: unknown, args: unknown, context: { principal: Principal }, info: unknown) => unknown;

const ROOT_TYPES: ReadonlyArray<[string, OperationType]> = [
  ["Query", "query"],
  ["Mutation", "mutation"],
  ["Subscription", "subscription"],
];

function guarded(resolve: AnyFunction, operation: OperationType, scopes: ScopeNames): AnyFunction {
  return (parent, args, context, info) => {
    const refusal = scopeRefusal(context.principal, operation, scopes);
    if (refusal !== undefined) throw new GatewayError(ErrorCode.FORBIDDEN, refusal);
    return resolve(parent, args, context, info);
  };
}

/** The same resolver map with each root field's resolver (or subscriber) checking the caller's scope first. */
export function withRootFieldScopes<TResolvers extends object>(resolvers: TResolvers, scopes: ScopeNames): TResolvers {
  const result = { ...resolvers } as Record<string, unknown>;
  for (const [typeName, operation] of ROOT_TYPES) {
    const fields = result[typeName] as Record<string, unknown> | undefined;
    if (fields === undefined) continue;
    const wrapped: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      if (typeof field === "function") wrapped[name] = guarded(field as AnyFunction, operation, scopes);
      else if (typeof field === "object" && field !== null) {
        const entry = { ...(field as Record<string, unknown>) };
        // A subscription is checked when it subscribes; its events need no second check.
        const key = typeof entry.subscribe === "function" ? "subscribe" : "resolve";
        if (typeof entry[key] === "function") entry[key] = guarded(entry[key] as AnyFunction, operation, scopes);
        wrapped[name] = entry;
      } else wrapped[name] = field;
    }
    result[typeName] = wrapped;
  }
  return result as TResolvers;
}
