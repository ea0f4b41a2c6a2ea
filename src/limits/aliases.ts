// Refuses documents with more aliases than a limit. Aliases are how one request asks for the same
// field many times, so they are how one request fans out into many Cloud Control calls.
import { GraphQLError } from "graphql";
import type { ASTVisitor, ValidationContext, ValidationRule } from "graphql";
import { LimitExceededError } from "./errors.js";

export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases++;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) {
            // The original error carries the public extensions through Apollo's ValidationError
            // wrapper (which would otherwise re-label it GRAPHQL_VALIDATION_FAILED) to formatError.
            const limit = new LimitExceededError("aliases", aliases, maxAliases, `The document uses ${aliases} aliases; the limit is ${maxAliases}.`);
            context.reportError(new GraphQLError(limit.message, { nodes: [document], originalError: limit, extensions: limit.extensions }));
          }
        },
      },
    };
  };
}
