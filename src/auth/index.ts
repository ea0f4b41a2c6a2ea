export { createAuthenticator } from "./authenticator.js";
export type { Authenticator, Credentials } from "./authenticator.js";
export { createApiKeyVerifier, hashApiKey, isApiKeyHash } from "./apiKeys.js";
export { createJwtVerifier, scopesOf } from "./jwt.js";
export { AuthenticationError, DEFAULT_JWT_ALGORITHMS, DEFAULT_SCOPES } from "./types.js";
export type { ApiKeyEntry, AuthSettings, JwtSettings, Principal, ScopeNames } from "./types.js";
