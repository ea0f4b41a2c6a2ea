// The gateway's GatewayLogger (warnings, and errors the formatter hides from clients) written as
// structured records by the same pino logger as the request logs.
import type { GatewayLogger } from "../errors.js";
import type { Logger } from "./logger.js";

export function gatewayLoggerOf(log: Logger): GatewayLogger {
  return {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message, error) => (error === undefined ? log.error(message) : log.error({ err: error }, message)),
  };
}
