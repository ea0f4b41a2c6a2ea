// What each kind of operation needs: reading needs the read scope; mutations and subscriptions (the
// live progress of writes) need the write scope. Decided by the operation type alone, so a new root
// field is covered the day it is added.
import type { Principal, ScopeNames } from "./types.js";

export type OperationType = "query" | "mutation" | "subscription";

export function requiredScope(operation: OperationType, scopes: ScopeNames): string {
  return operation === "query" ? scopes.read : scopes.write;
}

/** Undefined when allowed; otherwise a message safe to send (it names the scope, not the caller's). */
export function scopeRefusal(principal: Principal, operation: OperationType, scopes: ScopeNames): string | undefined {
  const scope = requiredScope(operation, scopes);
  if (principal.scopes.has(scope)) return undefined;
  return `A ${operation} needs the scope "${scope}", which these credentials do not grant.`;
}

/** A principal that may do nothing: for requests that carry no operation (CORS preflight). */
export const NO_ONE: Principal = { subject: "none", via: "anonymous", scopes: new Set() };
