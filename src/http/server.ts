// The node:http adapter: one server on one port for every HTTP route and the WebSocket door. The
// routes run in order (the first that answers wins): the prelude (request id, security headers, the
// access log), the operator routes (/healthz, /readyz, /metrics), / and /schema.graphql, the IDE,
// CORS, then GraphQL.
// Closing drains: new connections are refused, answers in flight may finish within the grace, then
// connections are cut and the gateway stops.
// The GraphQL route hands requests that ask for a stream (SSE, multipart) to the streaming door.
import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Gateway } from "../server.js";
import { createAdmission } from "./admission.js";
import { createCorsRoute } from "./cors.js";
import { createGraphQLHandler } from "./graphqlHandler.js";
import { createIdeHandler } from "./ide.js";
import { healthRoute, metricsRoute, readinessRoute } from "./operatorRoutes.js";
import { createPrelude } from "./prelude.js";
import { rootRoute } from "./rootRoute.js";
import { SCHEMA_PATH, schemaRoute } from "./schemaRoute.js";
import type { HttpRoute } from "./respond.js";
import { createStreamDoor } from "./streams.js";
import { sendError } from "./respond.js";
import type { UpgradeHandler } from "./webSocket.js";
import { createWebSocketDoor } from "./webSocket.js";

export type { HttpRoute };

export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** How long close() lets in-flight requests finish before cutting connections. Default 5 s. */
  drainTimeoutMs?: number;
  /** How often an idle SSE or multipart stream gets a ping. Default 12 s. */
  streamKeepAliveMs?: number;
}

export interface RunningHttpServer {
  /** `http://host:port` */
  readonly url: string;
  /** `http://host:port/graphql` */
  readonly graphqlUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = "/graphql";

function routesOf(gateway: Gateway): HttpRoute[] {
  const { config, ide } = gateway;
  const routes: HttpRoute[] = [
    createPrelude({ log: gateway.log, metrics: gateway.metrics, graphqlPath: GRAPHQL_PATH, hstsMaxAgeSeconds: config.server.hstsMaxAgeSeconds }),
    healthRoute(),
    readinessRoute({ checks: () => gateway.readinessChecks() }),
  ];
  if (config.server.metrics) routes.push(metricsRoute(gateway.metrics.registry));
  const { introspection } = config.server;
  routes.push(
    rootRoute({ graphqlPath: GRAPHQL_PATH, ide: ide.kind !== "off", schemaPath: introspection ? SCHEMA_PATH : undefined }),
    schemaRoute({ pipeline: gateway.pipeline, introspection }),
  );
  if (ide.kind === "graphiql" || ide.kind === "playground") {
    const handler = createIdeHandler({ assetsDir: ide.assetsDir, endpoint: GRAPHQL_PATH, examples: ide.examples, tool: ide.kind });
    routes.push((req, res) => handler.handle(req, res));
  }
  routes.push(createCorsRoute({ path: GRAPHQL_PATH, isOriginAllowed: gateway.isOriginAllowed }));
  return routes;
}

/** How long before the drain grace ends operations are interrupted: time to answer and flush. */
function interruptLeadMs(graceMs: number): number {
  return Math.min(1000, graceMs / 4);
}

export async function startHttpServer(gateway: Gateway, options: HttpServerOptions): Promise<RunningHttpServer> {
  // The routes first: one that cannot be built (an IDE whose files are missing) stops the start
  // before Apollo is started.
  const routes = routesOf(gateway);
  await gateway.start();
  const { config, pipeline, log } = gateway;
  const streams = createStreamDoor({ pipeline, log, keepAliveMs: options.streamKeepAliveMs });
  const graphql = createGraphQLHandler({
    apollo: gateway.apollo,
    pipeline,
    streams,
    admit: createAdmission({ pipeline, apolloLandingPage: gateway.ide.kind === "sandbox" }),
    path: GRAPHQL_PATH,
    maxBodyBytes: config.limits.maxBodyBytes,
    log,
  });
  const upgrades: UpgradeHandler[] = [
    createWebSocketDoor({ pipeline, path: GRAPHQL_PATH, isOriginAllowed: gateway.isOriginAllowed, maxMessageBytes: config.limits.maxBodyBytes, log }),
  ];
  // Answers still being written when close() starts: they end their connection ("Connection:
  // close"), so a drained keep-alive connection does not hold the close until its idle timeout.
  const unanswered = new Set<ServerResponse>();
  let draining = false;
  const server = createServer((req, res) => {
    if (draining) res.setHeader("Connection", "close");
    unanswered.add(res);
    res.once("close", () => unanswered.delete(res));
    void (async () => {
      for (const route of routes) if (await route(req, res)) return;
      graphql(req, res);
    })().catch((error: unknown) => {
      log.error({ err: error, requestId: res.getHeader("x-request-id") }, "HTTP route failed");
      sendError(res, { status: 500, code: "INTERNAL_SERVER_ERROR", message: "Internal server error" });
    });
  });
  // WebSockets (subscriptions) on the same port; an upgrade nobody takes is refused.
  server.on("upgrade", (req, socket, head: Buffer) => {
    if (!upgrades.some((handler) => handler.handle(req, socket, head))) socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  // A malformed request line or header: answered 400 by node, logged as one record (never a stack).
  server.on("clientError", (error: Error & { code?: string }, socket) => {
    log.debug({ code: error.code ?? error.name }, "http client error");
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
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
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    port,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        draining = true;
        for (const res of unanswered) if (!res.headersSent) res.setHeader("Connection", "close");
        server.closeIdleConnections();
        // Upgraded sockets are no longer the HTTP server's to close, and it waits for them; open
        // streams would hold it until the grace ends: both end now, with a last word to clients.
        await Promise.all([...upgrades.map((handler) => handler.close()), streams.close()]);
        const grace = options.drainTimeoutMs ?? 5000;
        // Near the end of the grace, Cloud Control calls still open are stopped, so writes answer
        // with the clientToken that resumes them before their connections are cut.
        const interrupt = setTimeout(() => gateway.interruptOperations(), grace - interruptLeadMs(grace));
        const cut = setTimeout(() => server.closeAllConnections(), grace);
        await closed;
        clearTimeout(interrupt);
        clearTimeout(cut);
        await gateway.stop();
      })();
      return closing;
    },
  };
}
