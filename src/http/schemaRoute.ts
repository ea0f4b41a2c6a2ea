// GET /schema.graphql: the served schema as SDL, for codegen and for people who want the file rather
// than an introspection query. It is introspection by another name, so it passes the same checks: the
// caller is admitted and needs the read scope, and with INTROSPECTION=off it is refused with the code
// an introspection query gets (GRAPHQL_VALIDATION_FAILED).
import type { GraphQLSchema } from "graphql";
import { printSchema } from "graphql";
import type { OperationPipeline } from "../pipeline/index.js";
import { Refusal, RequestCode } from "../pipeline/index.js";
import { requestIdOf } from "./requestId.js";
import type { HttpRoute } from "./respond.js";
import { pathOf, sendBody, sendRefusal } from "./respond.js";

/** Where the SDL is served. */
export const SCHEMA_PATH = "/schema.graphql";

export interface SchemaRouteOptions {
  pipeline: OperationPipeline;
  /** INTROSPECTION: false refuses the SDL as the pipeline refuses introspection. */
  introspection: boolean;
}

const INTROSPECTION_OFF = "GraphQL introspection is disabled on this gateway (INTROSPECTION=off), and with it the SDL at /schema.graphql.";

export function schemaRoute(options: SchemaRouteOptions): HttpRoute {
  const { pipeline } = options;
  let printed: { schema: GraphQLSchema; sdl: string } | undefined;
  function sdlOf(schema: GraphQLSchema): string {
    if (printed?.schema !== schema) printed = { schema, sdl: `${printSchema(schema)}\n` };
    return printed.sdl;
  }

  return async (req, res) => {
    if (pathOf(req) !== SCHEMA_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
    try {
      const caller = await pipeline.admitCaller({ headers: req.headers, door: "http", requestId: requestIdOf(req) });
      pipeline.requireScope(caller, "query");
      if (!options.introspection) throw new Refusal(RequestCode.GRAPHQL_VALIDATION_FAILED, INTROSPECTION_OFF, { status: 400 });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      sendRefusal(res, error);
      return true;
    }
    sendBody(req, res, 200, "text/plain; charset=utf-8", sdlOf(pipeline.schema()), { "Content-Disposition": 'inline; filename="schema.graphql"' });
    return true;
  };
}
