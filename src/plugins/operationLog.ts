// One structured record and the GraphQL metrics per operation: request id, operation name and type,
// duration, Cloud Control calls made, outcome and error codes. Built from these fields only, never
// from the document, the variables or the result, so no token, key, patch value or property can
// reach the log. Also gives INTERNAL_SERVER_ERROR answers the request id, so a user's report finds
// the logged cause.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";

export interface OperationLogContext extends BaseContext {
  readonly requestId: string;
  readonly principal: { readonly subject: string; readonly via: string };
  readonly callBudget: { readonly used: number };
}

export interface OperationLogOptions {
  log: Logger;
  metrics: Metrics;
}

const OPERATION_TYPES: ReadonlySet<string> = new Set(["query", "mutation", "subscription"]);

function withRequestId(errors: readonly GraphQLFormattedError[], requestId: string): GraphQLFormattedError[] {
  return errors.map((error) =>
    error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...error, extensions: { ...error.extensions, requestId } } : error,
  );
}

export function operationLogPlugin<TContext extends OperationLogContext>(options: OperationLogOptions): ApolloServerPlugin<TContext> {
  const { log, metrics } = options;
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let executed = false;
      let codes: string[] = [];
      return {
        async executionDidStart() {
          executed = true;
        },
        async didEncounterErrors({ errors }) {
          codes = errors.map((error) => String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
        },
        async willSendResponse({ response, operation, operationName, contextValue }) {
          const body = response.body;
          if (body.kind === "single" && body.singleResult.errors !== undefined) {
            body.singleResult = { ...body.singleResult, errors: withRequestId(body.singleResult.errors, contextValue.requestId) };
          }
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const type = operation !== undefined && OPERATION_TYPES.has(operation.operation) ? operation.operation : "unknown";
          const outcome = !executed ? "rejected" : codes.length > 0 ? "error" : "ok";
          metrics.graphqlOperations.inc({ type, outcome });
          if (executed) metrics.graphqlDuration.observe({ type }, seconds);
          log.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName?.slice(0, 100) ?? null,
              operationType: type,
              principal: contextValue.principal.subject,
              via: contextValue.principal.via,
              durationMs: Math.round(seconds * 1000),
              cloudControlCalls: contextValue.callBudget.used,
              outcome,
              errorCodes: [...new Set(codes)],
            },
            "graphql operation",
          );
        },
      };
    },
  };
}
