// The pipeline inside Apollo Server, for the doors that hand requests to Apollo (node:http and
// Lambda). Apollo parses (with the pipeline's parser options) and resolves the operation; its own
// validation is off (`dangerouslyDisableValidation`), because the pipeline validates, and must do
// so after its selection bound: graphql-js's overlapping-fields rule is quadratic in the fields it
// is given. didResolveOperation is the first hook whose errors Apollo answers as a request error
// (earlier ones become HTTP 500), so every check runs there; nothing executes before it.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context.js";
import { ErrorCode } from "../errors.js";
import type { OperationPipeline } from "./pipeline.js";
import { streamingRequired } from "./pipeline.js";
import { Refusal } from "./refusal.js";

export function pipelinePlugin(pipeline: OperationPipeline): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const startedAt = process.hrtime.bigint();
      let executed = false;
      let resolved = false;
      let codes: string[] = [];
      return {
        async didResolveOperation({ source, document, request, contextValue }) {
          resolved = true;
          try {
            // Apollo's transports cannot stream a subscription's events (requests that ask for a
            // stream go to src/http/streams.ts instead): those are refused with where to subscribe.
            pipeline.admitOperation(contextValue, { source, document, operationName: request.operationName, variables: request.variables, streams: false });
          } catch (error) {
            if (error instanceof Refusal) throw pipeline.toGraphQLError(error);
            throw error;
          }
        },
        async executionDidStart() {
          executed = true;
        },
        async didEncounterErrors({ errors }) {
          codes = errors.map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
        },
        async willSendResponse({ request, response, operation, operationName, contextValue }) {
          const body = response.body;
          // Apollo answers a GET of anything but a query itself, before didResolveOperation: a
          // subscription gets the pipeline's answer instead, which says where to subscribe.
          if (!resolved && operation?.operation === "subscription" && request.http?.method === "GET" && body.kind === "single") {
            const refusal = streamingRequired(contextValue.door);
            const refused = pipeline.toGraphQLError(refusal);
            response.http.status = refusal.status;
            response.http.headers.delete("allow");
            body.singleResult = { errors: [pipeline.formatError(refused.toJSON(), refused)] };
            codes = [String(refused.extensions.code)];
          }
          pipeline.record(contextValue, { operationName, operationType: operation?.operation, executed, codes, startedAt });
        },
      };
    },
  };
}
