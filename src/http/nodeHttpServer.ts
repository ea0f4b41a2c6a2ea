// Listens with node:http and serves the gateway; closing drains in-flight requests, then stops Apollo.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { GatewayLogger } from "../errors.js";
import type { Gateway } from "../server.js";
import { createGraphQLHandler } from "./nodeHttpHandler.js";

export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger?: GatewayLogger;
  /** How long close() lets in-flight requests finish before cutting connections. Default 5 s. */
  drainTimeoutMs?: number;
}

export interface RunningHttpServer {
  /** `http://host:port` */
  readonly url: string;
  /** `http://host:port/graphql` */
  readonly graphqlUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startHttpServer(gateway: Gateway, options: HttpServerOptions): Promise<RunningHttpServer> {
  await gateway.start();
  const graphql = createGraphQLHandler(gateway, { logger: options.logger });
  const logger = options.logger ?? console;
  const server = createServer((req, res) => {
    void (async () => {
      for (const route of gateway.httpRoutes) if (await route(req, res)) return;
      graphql(req, res);
    })().catch((error: unknown) => {
      logger.error("HTTP route failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }));
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await gateway.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    port,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const cut = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 5000);
        await closed;
        clearTimeout(cut);
        await gateway.stop();
      })();
      return closing;
    },
  };
}
