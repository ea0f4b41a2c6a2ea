import { canonicalIdentifier, concurrentOperation, fingerprintOf, idempotent, resolveType, str } from "./context.js";
import type { OperationHandler } from "./context.js";

/**
 * A delete of a missing resource is accepted and then FAILS with NotFound, as AWS does (Terraform's
 * awscc provider relies on it), rather than answering ResourceNotFoundException at once.
 */
export const deleteResource: OperationHandler = (input, ctx) => {
  const type = resolveType(str(input, "TypeName") ?? "");
  const identifier = canonicalIdentifier(type, str(input, "Identifier") ?? "");
  const fingerprint = fingerprintOf("DELETE", type.typeName, identifier, str(input, "RoleArn"), str(input, "TypeVersionId"));
  return idempotent(input, ctx, fingerprint, () => {
    if (ctx.region.inFlightWrite(type.typeName, identifier)) throw concurrentOperation(type, identifier);
    return ctx.region.startWrite({
      type,
      operation: "DELETE",
      identifier,
      startedAt: ctx.now,
      dueAt: ctx.now + ctx.settings.writeDurationMs,
      forcedFailure: ctx.takeForcedFailure(),
    });
  });
};
