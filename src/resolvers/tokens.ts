// Cloud Control's ClientToken and RequestToken constraints (reference §2: 1-128 characters of
// `[-A-Za-z0-9+/=]`), checked before the call so a typo is BAD_USER_INPUT, not an AWS ValidationException.
import { randomUUID } from "node:crypto";
import { badUserInput } from "../errors.js";
import { refusePlaceholder } from "../ide/placeholders.js";

const TOKEN_PATTERN = /^[-A-Za-z0-9+/=]{1,128}$/;

export function checkClientToken(token: string | null | undefined): string | undefined {
  if (token === null || token === undefined) return undefined;
  if (!TOKEN_PATTERN.test(token)) throw badUserInput("clientToken must be 1 to 128 characters of A-Z, a-z, 0-9, +, /, = and -.");
  return token;
}

/**
 * The ClientToken a write sends: the caller's, checked, or a new UUID made before the first attempt.
 * Every write has one, so an answer lost on the way back can be recovered with it (the
 * WRITE_OUTCOME_UNKNOWN error names it) instead of being made a second time.
 */
export function writeClientToken(token: string | null | undefined): string {
  return checkClientToken(token) ?? randomUUID();
}

export function checkRequestToken(token: string): string {
  refusePlaceholder("requestToken", token);
  if (!TOKEN_PATTERN.test(token)) throw badUserInput("requestToken must be 1 to 128 characters of A-Z, a-z, 0-9, +, /, = and -.");
  return token;
}
