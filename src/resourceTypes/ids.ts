// The shape of the ids API Gateway issues, checked for every id a caller sends (arguments, mutation
// inputs, the parts of a node id) before any AWS call: an id that AWS could never have issued would
// only reach Cloud Control to fail there, and a `|`, a `/` or a control character in it would change
// what a compound identifier addresses.
import { badUserInput } from "../errors.js";
import { refusePlaceholder } from "../ide/placeholders.js";

/**
 * API Gateway generates its ids from lower-case letters and digits, ten of them for an API and fewer
 * for what lives under it; AWS's own examples show `aabbccddee` for an API, `1122334` for a route and
 * `abcdef` for a route response. The registry schemas declare plain strings, and the emulator issues
 * the same alphabet (10 for APIs, 7 for the others). The check takes 1 to 32 of those characters:
 * every id AWS issues, with room should API Gateway lengthen them, and nothing hostile, since no
 * separator, path, white space, control character, bidi override, emoji or lone surrogate is a
 * lower-case ASCII letter or digit. Upper case is refused too: API Gateway never issues it, so such
 * an id could only name nothing.
 */
const ID_PATTERN = /^[a-z0-9]+$/;
export const MAX_ID_LENGTH = 32;

/** An id of the right shape, for the messages. */
const EXAMPLE_ID = "a1b2c3d4e5";

/**
 * Throws BAD_USER_INPUT, naming `argumentName`, unless `value` has the shape of an API Gateway id.
 * The message never repeats the value: it may hold characters that mislead when displayed.
 */
export function checkIdentifierPart(argumentName: string, value: string): string {
  if (value.length === 0) throw badUserInput(`${argumentName} must not be empty.`);
  if (value.length > MAX_ID_LENGTH) {
    throw badUserInput(`${argumentName} is ${value.length} characters long; an API Gateway id has at most ${MAX_ID_LENGTH}.`);
  }
  if (!ID_PATTERN.test(value)) {
    refusePlaceholder(argumentName, value);
    throw badUserInput(`${argumentName} must be an API Gateway id: lower-case letters a-z and digits 0-9 only, such as ${EXAMPLE_ID}.`);
  }
  return value;
}
