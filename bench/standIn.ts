// A Cloud Control stand-in for the overhead benchmark: it answers every GetResource at once with one
// canned route response, so the upstream costs next to nothing and the servers measured against it
// are the bottleneck. It speaks just enough of the awsJson1_0 protocol for the real SDK (the
// emulator, with its parsing, seeding and checks, would take CPU the servers need on a small machine).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** The one route response the stand-in knows. */
export const STAND_IN_ROUTE_RESPONSE = { apiId: "benchapi01", routeId: "brt0001", routeResponseId: "rr00001" } as const;

export interface StandIn {
  readonly url: string;
  /** GetResource calls answered since the last `resetCalls`. */
  readonly calls: number;
  /** Connections opened since the last `resetCalls` (keep-alive reuses them). */
  readonly connections: number;
  resetCalls(): void;
  close(): Promise<void>;
}

function answerBody(): string {
  const { apiId, routeId, routeResponseId } = STAND_IN_ROUTE_RESPONSE;
  const properties = { ApiId: apiId, RouteId: routeId, RouteResponseId: routeResponseId, RouteResponseKey: "$default", ResponseModels: { "application/json": "Model1" } };
  return JSON.stringify({
    TypeName: "AWS::ApiGatewayV2::RouteResponse",
    ResourceDescription: { Identifier: `${apiId}|${routeId}|${routeResponseId}`, Properties: JSON.stringify(properties) },
  });
}

/** Listens on 127.0.0.1; anything but GetResource is answered UnknownOperationException. */
export async function startStandIn(): Promise<StandIn> {
  const body = answerBody();
  let calls = 0;
  let connections = 0;
  const server = createServer((req, res) => {
    // The request body is drained unread: every GetResource gets the same answer.
    req.resume();
    req.on("end", () => {
      const isGet = req.headers["x-amz-target"] === "CloudApiService.GetResource";
      if (isGet) calls += 1;
      const answer = isGet ? body : JSON.stringify({ __type: "UnknownOperationException", Message: "" });
      res.writeHead(isGet ? 200 : 400, { "content-type": "application/x-amz-json-1.0", "content-length": Buffer.byteLength(answer), "x-amzn-requestid": "bench" });
      res.end(answer);
    });
  });
  server.on("connection", () => (connections += 1));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get calls() {
      return calls;
    },
    get connections() {
      return connections;
    },
    resetCalls() {
      calls = 0;
      connections = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
