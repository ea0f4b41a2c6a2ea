// A stand-in for the gateway in the browser test, until the real one is mounted there: the IDE
// handler first, then GraphQL over HTTP executed by graphql-js against the real SDL in schema/, with
// a root value that knows one route response (the demo's rrs0001). It records every GraphQL request
// so the test can assert what the browser sent.
import { readFileSync, readdirSync } from "node:fs";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";
import { buildSchema, graphql } from "graphql";
import { createIdeHandler, routeResponseExamples } from "../../src/ide/index.js";
import type { TestServer } from "./harness.js";
import { startTestServer } from "./harness.js";

export const DEMO_IDS = { region: "us-east-1", apiId: "chat7a1b2c", routeId: "send001", routeResponseId: "rrs0001", createRouteId: "dcnt001" };

/** rrs0001 as the gateway returns it (src/emulator/demoSeed.ts). */
const SEND_MESSAGE_DEFAULT = {
  id: "stand-in-id-rrs0001",
  identifier: "chat7a1b2c|send001|rrs0001",
  region: "us-east-1",
  apiId: "chat7a1b2c",
  routeId: "send001",
  routeResponseId: "rrs0001",
  routeResponseKey: "$default",
  modelSelectionExpression: "$context.status",
  responseModels: [{ contentType: "application/json", modelName: "MessageAck" }],
  responseParameters: [
    { name: "method.response.header.X-Message-Id", required: true },
    { name: "method.response.header.X-Room", required: false },
  ],
  properties: {},
};

export interface RecordedGraphQLRequest {
  operationName: string | undefined;
  headers: IncomingHttpHeaders;
}

export interface StandInGateway extends TestServer {
  readonly graphqlRequests: RecordedGraphQLRequest[];
}

function loadSchema() {
  const dir = fileURLToPath(new URL("../../../schema/", import.meta.url));
  const sdl = readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => readFileSync(`${dir}${name}`, "utf8"));
  return buildSchema(sdl.join("\n"));
}

async function readJson(req: IncomingMessage): Promise<{ query?: string; variables?: Record<string, unknown>; operationName?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query?: string; variables?: Record<string, unknown>; operationName?: string };
}

export async function startStandInGateway(assetsDir: string): Promise<StandInGateway> {
  const schema = loadSchema();
  const rootValue = {
    routeResponse: (args: { apiId: string; routeId: string; routeResponseId: string }) =>
      args.apiId === SEND_MESSAGE_DEFAULT.apiId && args.routeId === SEND_MESSAGE_DEFAULT.routeId && args.routeResponseId === SEND_MESSAGE_DEFAULT.routeResponseId
        ? SEND_MESSAGE_DEFAULT
        : null,
  };
  const ide = createIdeHandler({ assetsDir, endpoint: "/graphql", examples: routeResponseExamples(DEMO_IDS), title: "Route Response Gateway" });
  const graphqlRequests: RecordedGraphQLRequest[] = [];
  const server = await startTestServer((req, res) => {
    if (ide.handle(req, res)) return;
    if (req.method !== "POST" || req.url !== "/graphql") {
      res.statusCode = 404;
      res.end();
      return;
    }
    readJson(req)
      .then(async (body) => {
        graphqlRequests.push({ operationName: body.operationName, headers: req.headers });
        const result = await graphql({ schema, source: body.query ?? "", variableValues: body.variables, operationName: body.operationName, rootValue });
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.end(JSON.stringify(result));
      })
      .catch((error: unknown) => {
        res.statusCode = 400;
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      });
  });
  return { ...server, graphqlRequests };
}
