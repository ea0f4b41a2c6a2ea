// Structured JSON logs (pino). Records carry what an operator needs (request id, operation name,
// duration, Cloud Control calls, outcome) and are built field by field, never from request
// bodies, so tokens, keys, patch values and resource properties never reach them. The redaction
// below is a second line of defence for headers, should a record ever include them.
import { pino } from "pino";
import type { DestinationStream, Logger, LoggerOptions } from "pino";

export type { Logger };

export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  "headers.authorization",
  'headers["x-api-key"]',
  "authorization",
  "apiKey",
  "token",
  "variables",
];

/**
 * pino's `"time"` field in ISO 8601 (what pino.stdTimeFunctions.isoTime writes), with the text up to
 * the second made once per second: a record then costs no Date and no toISOString.
 */
export function isoTimestamp(now: () => number = Date.now): () => string {
  let second = Number.NaN;
  let prefix = "";
  return () => {
    const ms = now();
    const within = ms % 1000;
    if (ms - within !== second) {
      second = ms - within;
      prefix = `,"time":"${new Date(second).toISOString().slice(0, 20)}`;
    }
    return `${prefix}${within < 10 ? "00" : within < 100 ? "0" : ""}${within}Z"`;
  };
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const settings: LoggerOptions = {
    level: options.level ?? "info",
    base: { service: "routeresponse-gateway" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    timestamp: isoTimestamp(),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
