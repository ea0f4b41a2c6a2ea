// The emulator's command-line flags (documented in docs/emulator.md), read into EmulatorOptions.
import { parseArgs } from "node:util";
import type { EmulatorOptions, StaticCredential } from "./options.js";

export const USAGE = `usage: emulator [--host 127.0.0.1] [--port 4566] [--seed demo|FILE] [--region us-east-1]
  [--account-id 123456789012] [--write-duration-ms 2000] [--list-page-size 25] [--list-full-models]
  [--lenient-route-response-keys] [--bare-not-found]
  [--latency-ms 0] [--jitter-ms 0] [--rate-limit N] [--strict-credentials AKID:SECRET[,AKID:SECRET]]`;

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} takes a number, not "${value}".`);
  return n;
}

function credentials(value: string | undefined): StaticCredential[] | undefined {
  if (value === undefined) return undefined;
  return value.split(",").map((pair) => {
    const [accessKeyId, secretAccessKey] = pair.split(":");
    if (!accessKeyId || !secretAccessKey) throw new Error("--strict-credentials takes AKID:SECRET pairs separated by commas.");
    return { accessKeyId, secretAccessKey };
  });
}

/** The options the flags describe, or "help" when --help was asked for. Throws on a bad flag. */
export function parseCliOptions(args: string[]): EmulatorOptions | "help" {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      seed: { type: "string" },
      region: { type: "string" },
      "account-id": { type: "string" },
      "write-duration-ms": { type: "string" },
      "list-page-size": { type: "string" },
      "list-full-models": { type: "boolean" },
      "lenient-route-response-keys": { type: "boolean" },
      "bare-not-found": { type: "boolean" },
      "latency-ms": { type: "string" },
      "jitter-ms": { type: "string" },
      "rate-limit": { type: "string" },
      "strict-credentials": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return "help";
  return {
    host: values.host,
    port: number("port", values.port),
    seed: values.seed,
    defaultRegion: values.region,
    accountId: values["account-id"],
    // A person watching the demo should see writes in progress; tests set 0 in process.
    writeDurationMs: number("write-duration-ms", values["write-duration-ms"]) ?? 2000,
    listPageSize: number("list-page-size", values["list-page-size"]),
    listFullModels: values["list-full-models"],
    lenientRouteResponseKeys: values["lenient-route-response-keys"],
    bareNotFound: values["bare-not-found"],
    strictCredentials: credentials(values["strict-credentials"]),
    faults: {
      latencyMs: number("latency-ms", values["latency-ms"]) ?? 0,
      jitterMs: number("jitter-ms", values["jitter-ms"]) ?? 0,
      rateLimitPerSecond: number("rate-limit", values["rate-limit"]) ?? null,
    },
  };
}

