// Listens with node:http and serves the gateway; closing drains in-flight requests, then stops Apollo.
import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
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
  // Answers still being written when close() starts: they end their connection ("Connection:
  // close"), so a drained keep-alive connection does not hold the close until its idle timeout.
  const unanswered = new Set<ServerResponse>();
  let draining = false;
  const server = createServer((req, res) => {
    if (draining) res.setHeader("Connection", "close");
    unanswered.add(res);
    res.once("close", () => unanswered.delete(res));
    void (async () => {
      for (const route of gateway.httpRoutes) if (await route(req, res)) return;
      graphql(req, res);
    })().catch((error: unknown) => {
      logger.error("HTTP route failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }));
    });
  });
  // WebSockets (subscriptions) on the same port; an upgrade nobody takes is refused.
  server.on("upgrade", (req, socket, head: Buffer) => {
    if (!(gateway.upgradeHandlers ?? []).some((handler) => handler.handle(req, socket, head))) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
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
        draining = true;
        for (const res of unanswered) if (!res.headersSent) res.setHeader("Connection", "close");
        server.closeIdleConnections();
        // Upgraded sockets are no longer the HTTP server's to close, and it waits for them.
        await Promise.all((gateway.upgradeHandlers ?? []).map((handler) => handler.close()));
        const cut = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 5000);
        await closed;
        clearTimeout(cut);
        await gateway.stop();
      })();
      return closing;
    },
  };
}
