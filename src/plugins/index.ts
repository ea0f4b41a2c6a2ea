export { operationGuardPlugin } from "./operationGuard.js";
export type { OperationGuardOptions } from "./operationGuard.js";
export { operationLogPlugin } from "./operationLog.js";
export type { OperationLogContext, OperationLogOptions } from "./operationLog.js";
export { withRootFieldScopes } from "./rootFieldScopes.js";
