// Turns a request's credentials into a Principal: `Authorization: Bearer <JWT>` or an API key in
// `x-api-key` (or `Authorization: ApiKey <key>`). With authentication off, everyone is an anonymous
// principal holding every scope.
import { createApiKeyVerifier } from "./apiKeys.js";
import { createJwtVerifier } from "./jwt.js";
import { AuthenticationError } from "./types.js";
import type { AuthSettings, Principal } from "./types.js";

export interface Credentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
}

export interface Authenticator {
  authenticate(credentials: Credentials): Promise<Principal>;
}

export function createAuthenticator(settings: AuthSettings): Authenticator {
  const everyScope = new Set([settings.scopes.read, settings.scopes.write]);
  if (!settings.enabled) {
    return { authenticate: () => Promise.resolve({ subject: "anonymous", via: "anonymous", scopes: everyScope }) };
  }
  const jwt = settings.jwt ? createJwtVerifier(settings.jwt) : undefined;
  const keys = createApiKeyVerifier(settings.apiKeys);

  return {
    async authenticate({ authorization, apiKey }) {
      const [scheme, value, ...rest] = (authorization ?? "").trim().split(/\s+/);
      if (authorization && (rest.length > 0 || !value)) {
        throw new AuthenticationError("The Authorization header must be `Bearer <token>` or `ApiKey <key>`.", "malformed");
      }
      const presentedKey = apiKey ?? (scheme?.toLowerCase() === "apikey" ? value : undefined);
      if (presentedKey !== undefined) {
        const principal = keys.verify(presentedKey);
        if (!principal) throw new AuthenticationError("The API key is not recognised.", "unknown-key");
        return principal;
      }
      if (scheme?.toLowerCase() === "bearer" && value) {
        if (!jwt) throw new AuthenticationError("Bearer tokens are not accepted here: no JWT issuer is configured.", "invalid");
        return jwt.verify(value);
      }
      if (authorization) throw new AuthenticationError("The Authorization header must be `Bearer <token>` or `ApiKey <key>`.", "malformed");
      throw new AuthenticationError("Credentials are required: send `Authorization: Bearer <token>` or an `x-api-key` header.", "missing");
    },
  };
}
