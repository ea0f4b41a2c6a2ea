// Validates a model against a type's schema with the messages of everit-json-schema, the validator
// behind CloudFormation's "Model validation failed (...)" answers: `#: required key [X] not found`,
// `#: extraneous key [X] is not permitted`, `#/X: expected type: String, found: Integer`.
import type { PropertyShape, ResourceSchema } from "./model.js";

function everitType(value: unknown): string {
  if (value === null) return "Null";
  if (Array.isArray(value)) return "JSONArray";
  switch (typeof value) {
    case "string":
      return "String";
    case "boolean":
      return "Boolean";
    case "number":
      return Number.isInteger(value) ? "Integer" : "BigDecimal";
    default:
      return "JSONObject";
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function checkType(expected: string, value: unknown, at: string, problems: string[]): boolean {
  const found = everitType(value);
  if (found === expected) return true;
  problems.push(`${at}: expected type: ${expected}, found: ${found}`);
  return false;
}

function checkShape(shape: PropertyShape, value: unknown, at: string, problems: string[]): void {
  switch (shape.type) {
    case "string":
      checkType("String", value, at, problems);
      return;
    case "boolean":
      checkType("Boolean", value, at, problems);
      return;
    case "object":
      checkType("JSONObject", value, at, problems);
      return;
    case "stringArray":
      if (checkType("JSONArray", value, at, problems)) {
        (value as unknown[]).forEach((item, i) => checkType("String", item, `${at}/${i}`, problems));
      }
      return;
    case "stringMap":
      if (checkType("JSONObject", value, at, problems)) {
        for (const [key, item] of Object.entries(value as object)) checkType("String", item, `${at}/${key}`, problems);
      }
      return;
    case "parameterConstraintsMap":
      if (!checkType("JSONObject", value, at, problems)) return;
      for (const [name, constraint] of Object.entries(value as object)) {
        // patternProperties "^.+$" with additionalProperties false: only the empty name is extraneous.
        if (name === "") {
          problems.push(`${at}: extraneous key [] is not permitted`);
          continue;
        }
        const where = `${at}/${name}`;
        if (!checkType("JSONObject", constraint, where, problems)) continue;
        const record = constraint as Record<string, unknown>;
        if (!Object.hasOwn(record, "Required")) problems.push(`${where}: required key [Required] not found`);
        else checkType("Boolean", record.Required, `${where}/Required`, problems);
        for (const key of Object.keys(record)) {
          if (key !== "Required") problems.push(`${where}: extraneous key [${key}] is not permitted`);
        }
      }
      return;
  }
}

/** Every violation of the schema, in everit's words; empty when the model is valid. */
export function schemaViolations(schema: ResourceSchema, model: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(model)) return [`#: expected type: JSONObject, found: ${everitType(model)}`];
  for (const key of schema.required) {
    if (!Object.hasOwn(model, key)) problems.push(`#: required key [${key}] not found`);
  }
  for (const [key, value] of Object.entries(model)) {
    const shape = schema.properties[key];
    if (shape === undefined) problems.push(`#: extraneous key [${key}] is not permitted`);
    else checkShape(shape, value, `#/${key}`, problems);
  }
  return problems;
}

/**
 * What everit's ValidationException says: the violation itself, or for several, their count (its
 * getMessage() for a failure with several causes), which is what AWS passes on.
 */
export function violationsSummary(violations: readonly string[]): string {
  return violations.length === 1 ? (violations[0] ?? "") : `#: ${violations.length} schema violations found`;
}

/** The sentence AWS answers for an invalid model. */
export function modelValidationMessage(violations: readonly string[]): string {
  return `Model validation failed (${violationsSummary(violations)})`;
}
