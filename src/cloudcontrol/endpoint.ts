// Which Cloud Control endpoint an attempt went to, so that a failure to reach it (a silent endpoint,
// a refused connection, a timeout) names it in the error and the log: with AWS_ENDPOINT_URL_CLOUDCONTROL
// or a proxy in between, "Cloud Control did not answer" alone does not say where to look.
import type { CloudControlClient } from "@aws-sdk/client-cloudcontrol";

const ENDPOINT = Symbol("cloudControlEndpoint");

/** `protocol//host[:port]` of an SDK HttpRequest; undefined for anything else. */
export function endpointOfRequest(request: unknown): string | undefined {
  const { protocol, hostname, port } = (typeof request === "object" && request !== null ? request : {}) as { protocol?: unknown; hostname?: unknown; port?: unknown };
  if (typeof hostname !== "string" || hostname === "") return undefined;
  const scheme = typeof protocol === "string" && protocol !== "" ? (protocol.endsWith(":") ? protocol : `${protocol}:`) : "https:";
  return `${scheme}//${hostname}${typeof port === "number" ? `:${port}` : ""}`;
}

/** The endpoint an SDK error's attempt was sent to, when nameEndpointOnErrors saw it. */
export function endpointOfError(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const endpoint = (error as { [ENDPOINT]?: unknown })[ENDPOINT];
  return typeof endpoint === "string" ? endpoint : undefined;
}

/**
 * Marks every error an attempt of this client throws (timeouts and socket errors included) with the
 * endpoint the attempt was sent to. Runs where each attempt meets the HTTP handler.
 */
export function nameEndpointOnErrors(client: CloudControlClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const endpoint = endpointOfRequest(args.request);
        if (endpoint !== undefined && typeof error === "object" && error !== null && Object.isExtensible(error)) {
          Object.defineProperty(error, ENDPOINT, { value: endpoint, configurable: true });
        }
        throw error;
      }
    },
    { step: "deserialize", name: "gatewayErrorEndpoint", priority: "low" },
  );
}
