export { authenticateHeaders, createAdmission } from "./admission.js";
export type { AdmissionOptions, AdmittedRequest } from "./admission.js";
export { createPrelude, routeLabel } from "./prelude.js";
export type { PreludeOptions } from "./prelude.js";
export { REQUEST_ID_HEADER, requestIdFrom, requestIdOf } from "./requestId.js";
export { applySecurityHeaders } from "./securityHeaders.js";
export type { SecurityHeaderOptions } from "./securityHeaders.js";
