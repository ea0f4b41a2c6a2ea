// Ids no API Gateway issues, each a way to smuggle something into a Cloud Control identifier, a
// path or a log line. Shared by the domain tests and the security tests over HTTP.

/** `[what it is, the id]`. */
export const HOSTILE_IDS: ReadonlyArray<readonly [string, string]> = [
  ["a NUL", "chat7a1b2c\u0000"],
  ["an emoji", "chat\u{1F600}1b2c"],
  ["a right-to-left override", "chat\u202Ea1b2c"],
  ["a path", "../../etc"],
  ["a space", "chat 7a1b2c"],
  ["a leading space", " chat7a1b2c"],
  ["a lone surrogate", "chat\uD800"],
  ["33 characters", "a".repeat(33)],
  ["1000 characters", "a".repeat(1000)],
  ["upper case", "CHAT7A1B2C"],
  ["the separator", "chat7a1b2c|send001"],
  ["an empty string", ""],
];
