// Cloud Control's ClientToken and RequestToken constraints (reference §2: 1-128 characters of
// `[-A-Za-z0-9+/=]`), checked before the call so a typo is BAD_USER_INPUT, not an AWS ValidationException.
import { badUserInput } from "../errors.js";

const TOKEN_PATTERN = /^[-A-Za-z0-9+/=]{1,128}$/;

export function checkClientToken(token: string | null | undefined): string | undefined {
  if (token === null || token === undefined) return undefined;
  if (!TOKEN_PATTERN.test(token)) throw badUserInput("clientToken must be 1 to 128 characters of A-Z, a-z, 0-9, +, /, = and -.");
  return token;
}

export function checkRequestToken(token: string): string {
  if (!TOKEN_PATTERN.test(token)) throw badUserInput("requestToken must be 1 to 128 characters of A-Z, a-z, 0-9, +, /, = and -.");
  return token;
}
