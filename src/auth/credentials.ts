// Where credentials travel in a request: `Authorization` (Bearer or ApiKey) or `x-api-key`.
import type { Credentials } from "./authenticator.js";

export type HeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** One header's value; a repeated header joined into one (for a credential, that makes it malformed). */
export function single(value: string | readonly string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : (value as string | undefined);
}

/** Header names must be lower case (node:http and graphql-ws both lower-case them). */
export function credentialsFromHeaders(headers: HeaderValues | undefined): Credentials {
  return { authorization: single(headers?.authorization), apiKey: single(headers?.["x-api-key"]) };
}

/** Whether credentials were presented at all: then a refusal says `invalid_token` (RFC 6750, section 3.1). */
export function presentsCredentials(credentials: Credentials): boolean {
  return Boolean(credentials.authorization?.trim() || credentials.apiKey?.trim());
}
