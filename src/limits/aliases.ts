// Refuses documents with more aliases than a limit. Aliases are how one request asks for the same
// field many times, so they are how one request fans out into many Cloud Control calls.
import { GraphQLError } from "graphql";
import type { ASTVisitor, ValidationContext, ValidationRule } from "graphql";

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
            context.reportError(
              new GraphQLError(`The document uses ${aliases} aliases; the limit is ${maxAliases}.`, {
                nodes: [document],
                extensions: { code: "BAD_USER_INPUT", limit: "aliases" },
              }),
            );
          }
        },
      },
    };
  };
}
