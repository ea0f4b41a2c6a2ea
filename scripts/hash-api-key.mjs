/* global process, Buffer, console */
// `npm run -s hash-api-key -- KEY` prints the hash to put in AUTH_API_KEYS (`sha256:<hex>`), the
// same as src/auth/apiKeys.ts's hashApiKey (a test holds them together). Without an argument the key
// is read from stdin, which keeps it out of the shell history and the process list:
//   printf %s "$KEY" | npm run -s hash-api-key
// With no key at all, it makes a fresh random one and prints both.
import { createHash, randomBytes } from "node:crypto";

const hash = (key) => `sha256:${createHash("sha256").update(key, "utf8").digest("hex")}`;

async function readStdin() {
  if (process.stdin.isTTY) return "";
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

const key = process.argv[2] ?? (await readStdin());
if (key === "") {
  const fresh = randomBytes(32).toString("base64url");
  console.log(`key:  ${fresh}`);
  console.log(`hash: ${hash(fresh)}`);
} else {
  console.log(hash(key));
}
