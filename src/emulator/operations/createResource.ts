import { validation } from "../errors.js";
import { identifierOf, modelValidationMessage, pointerOf, schemaViolations } from "../resourceTypes/index.js";
import type { Properties } from "../resourceTypes/index.js";
import { fingerprintOf, idempotent, resolveType, str } from "./context.js";
import type { OperationHandler } from "./context.js";

export const createResource: OperationHandler = (input, ctx) => {
  const type = resolveType(str(input, "TypeName") ?? "");
  const desiredState = str(input, "DesiredState") ?? "";
  const fingerprint = fingerprintOf("CREATE", type.typeName, desiredState, str(input, "RoleArn"), str(input, "TypeVersionId"));
  return idempotent(input, ctx, fingerprint, () => {
    let desired: unknown;
    try {
      desired = JSON.parse(desiredState);
    } catch {
      throw validation("DesiredState is not valid JSON.");
    }
    const violations = schemaViolations(type.schema, desired);
    if (violations.length > 0) throw validation(modelValidationMessage(violations));
    const model = desired as Properties;
    // UNDOCUMENTED: AWS may ignore read-only properties in a desired state or fail the handler; the
    // emulator refuses them at once, so a caller learns the id is not theirs to choose.
    const readOnly = type.readOnly.filter((name) => Object.hasOwn(model, name));
    if (readOnly.length > 0) {
      throw validation(modelValidationMessage(readOnly.map((name) => `#: read-only property [${pointerOf(name)}] cannot be set`)));
    }
    const assigned = type.assign(model, ctx.region.context());
    return ctx.region.startWrite({
      type,
      operation: "CREATE",
      identifier: identifierOf(type, assigned),
      model: assigned,
      startedAt: ctx.now,
      dueAt: ctx.now + ctx.settings.writeDurationMs,
      forcedFailure: ctx.takeForcedFailure(),
    });
  });
};
