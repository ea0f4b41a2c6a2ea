// Refusals that need the parsed operation but must come before it runs: the caller's scope for the
// operation type, then the document's size, its longest string, and the estimated Cloud Control
// cost. In that order, deterministically: a caller without the scope learns nothing about what the
// operation would cost. Each refusal carries its HTTP status (403, 400) for Apollo.
//
// All of it happens in didResolveOperation, the first hook whose errors Apollo turns into an
// answer (a throw from didResolveSource becomes a 500). Parsing a large document first is bounded
// anyway: by MAX_BODY_BYTES and by the parser's MAX_TOKENS.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { OperationType, Principal, ScopeNames } from "../auth/index.js";
import { scopeRefusal } from "../auth/index.js";
import { ErrorCode, GatewayError } from "../errors.js";
import type { CostOptions } from "../limits/index.js";
import { LimitExceededError, estimateCost, longestString } from "../limits/index.js";

export interface OperationGuardOptions {
  scopes: ScopeNames;
  /** MAX_DOCUMENT_BYTES */
  maxDocumentBytes: number;
  /** MAX_STRING_LENGTH */
  maxStringLength: number;
  /** MAX_COST */
  maxCost: number;
  cost: CostOptions;
}

/** A GraphQLError Apollo answers with `status`, its public extensions taken from `error`. */
function refusal(error: GatewayError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.extensions, http: { status, headers: new HeaderMap() } } });
}

export function operationGuardPlugin<TContext extends BaseContext & { principal: Principal }>(options: OperationGuardOptions): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source, document, operation, request, contextValue }) {
          // No operation to run: Apollo answers that itself, before anything executes.
          if (operation === undefined) return;
          const forbidden = scopeRefusal(contextValue.principal, operation.operation as OperationType, options.scopes);
          if (forbidden !== undefined) throw refusal(new GatewayError(ErrorCode.FORBIDDEN, forbidden), 403);
          const bytes = Buffer.byteLength(source, "utf8");
          if (bytes > options.maxDocumentBytes) {
            throw refusal(new LimitExceededError("documentBytes", bytes, options.maxDocumentBytes, `The document is ${bytes} bytes; the limit is ${options.maxDocumentBytes}.`), 400);
          }
          const longest = longestString(document, request.variables);
          if (longest > options.maxStringLength) {
            const message = `A string argument or variable is ${longest} characters long; the limit is ${options.maxStringLength}.`;
            throw refusal(new LimitExceededError("stringLength", longest, options.maxStringLength, message), 400);
          }
          const cost = estimateCost(document, operation, request.variables, options.cost);
          if (cost > options.maxCost) {
            const message = `This operation may cause ${cost} Cloud Control calls; the limit is ${options.maxCost}. Ask for fewer items (first, ids) or fields, or split it.`;
            throw refusal(new LimitExceededError("cost", cost, options.maxCost, message), 400);
          }
        },
      };
    },
  };
}
