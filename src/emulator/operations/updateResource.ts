// UpdateResource: an RFC 6902 patch applied to the current model as AWS applies it (reference §3).
import { CloudControlError, missingResource, validation } from "../errors.js";
import { PatchError, applyPatch, parsePatchDocument, pointerTokens, writtenPointers } from "../jsonPatch.js";
import type { PatchOperation } from "../jsonPatch.js";
import { modelValidationMessage, pointerOf, schemaViolations } from "../resourceTypes/index.js";
import type { Properties, ResourceType } from "../resourceTypes/index.js";
import { canonicalIdentifier, concurrentOperation, fingerprintOf, idempotent, readableModel, resolveType, str } from "./context.js";
import type { OperationHandler } from "./context.js";

const MODEL_SELECTION_EXPRESSION = "ModelSelectionExpression";

/** The top-level properties an operation writes, in the order they first appear. */
function writtenProperties(operations: readonly PatchOperation[]): string[] {
  const names = operations.flatMap((op) => writtenPointers(op).map((pointer) => pointerTokens(pointer)[0] ?? ""));
  return [...new Set(names)];
}

function refuseProtected(type: ResourceType, operations: readonly PatchOperation[]): void {
  const written = writtenProperties(operations);
  const createOnly = written.filter((name) => type.createOnly.includes(name));
  if (createOnly.length > 0) {
    throw new CloudControlError(
      "NotUpdatableException",
      `Invalid patch update: createOnlyProperties [${createOnly.map(pointerOf).join(", ")}] cannot be updated`,
    );
  }
  const readOnly = written.filter((name) => type.readOnly.includes(name));
  if (readOnly.length > 0) {
    throw validation(`Invalid patch update: readOnlyProperties [${readOnly.map(pointerOf).join(", ")}] cannot be updated`);
  }
}

/**
 * API Gateway's update call treats an absent ModelSelectionExpression as "leave it", so on AWS
 * `remove /ModelSelectionExpression` reports success and changes nothing, while `""` clears it
 * (reference §3, observed live). A cleared expression is absent from the model afterwards.
 */
function applyModelSelectionQuirk(previous: Properties, patched: Properties): Properties {
  const model = { ...patched };
  if (!Object.hasOwn(model, MODEL_SELECTION_EXPRESSION) && Object.hasOwn(previous, MODEL_SELECTION_EXPRESSION)) {
    model[MODEL_SELECTION_EXPRESSION] = previous[MODEL_SELECTION_EXPRESSION];
  }
  if (model[MODEL_SELECTION_EXPRESSION] === "") delete model[MODEL_SELECTION_EXPRESSION];
  return model;
}

function patchedModel(type: ResourceType, current: Properties, patchDocument: string): Properties {
  let operations: PatchOperation[];
  let patched: Properties;
  try {
    operations = parsePatchDocument(patchDocument);
    refuseProtected(type, operations);
    // The patch sees what a read sees; write-only values the patch does not touch are kept.
    patched = applyPatch(readableModel(type, current), operations);
  } catch (error) {
    // UNDOCUMENTED: the code and wording for a malformed patch or one that cannot apply.
    if (error instanceof PatchError) throw validation(`Invalid patch update: ${error.message}`);
    throw error;
  }
  const violations = schemaViolations(type.schema, patched);
  if (violations.length > 0) throw validation(modelValidationMessage(violations));
  const writeOnlyKept = Object.fromEntries(type.writeOnly.filter((k) => Object.hasOwn(current, k) && !Object.hasOwn(patched, k)).map((k) => [k, current[k]]));
  return applyModelSelectionQuirk(current, { ...patched, ...writeOnlyKept });
}

export const updateResource: OperationHandler = (input, ctx) => {
  const type = resolveType(str(input, "TypeName") ?? "");
  const identifier = canonicalIdentifier(type, str(input, "Identifier") ?? "");
  const patchDocument = str(input, "PatchDocument") ?? "";
  const fingerprint = fingerprintOf("UPDATE", type.typeName, identifier, patchDocument, str(input, "RoleArn"), str(input, "TypeVersionId"));
  return idempotent(input, ctx, fingerprint, () => {
    // UNDOCUMENTED: Cloud Control reads the resource to apply the patch, so a missing resource is
    // answered at once with ResourceNotFoundException rather than as a FAILED request.
    const current = ctx.region.find(type.typeName, identifier);
    if (!current) throw missingResource(ctx.settings.bareNotFound, type.typeName, identifier);
    if (ctx.region.inFlightWrite(type.typeName, identifier)) throw concurrentOperation(type, identifier);
    const model = patchedModel(type, current, patchDocument);
    return ctx.region.startWrite({
      type,
      operation: "UPDATE",
      identifier,
      model,
      startedAt: ctx.now,
      dueAt: ctx.now + ctx.settings.writeDurationMs,
      forcedFailure: ctx.takeForcedFailure(),
    });
  });
};
