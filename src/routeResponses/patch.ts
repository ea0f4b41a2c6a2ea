// Builds the one PatchDocument (RFC 6902) that UpdateResource receives, from typed changes and raw
// operations, and rejects what AWS would reject before any call is made (reference §3):
// - `replace` of an absent property fails on AWS: typed changes set values with `add`, which RFC 6902
//   defines as replacing a member that exists, so the document does not depend on the current state
//   and a retry with the same clientToken sends the same input (Cloud Control answers the original);
// - `remove /ModelSelectionExpression` reports success and changes nothing on AWS; `add ""` clears it;
// - create-only (/ApiId, /RouteId) and read-only (/RouteResponseId) properties cannot be written;
// - the type has `additionalProperties: false`, so an unknown top-level property can only fail;
// - a `test` of an id property compares with an id, so its value is checked as an id argument is.
import { badUserInput } from "../errors.js";
import type { RouteResponseChanges } from "./changes.js";
import { propertyChangesOf } from "./changes.js";
import { checkIdentifierPart } from "./identifier.js";
import { CREATE_ONLY_PROPERTIES, KNOWN_PROPERTIES, READ_ONLY_PROPERTIES, RouteResponseProperty } from "./model.js";

export const PatchOpName = {
  add: "add",
  remove: "remove",
  replace: "replace",
  move: "move",
  copy: "copy",
  test: "test",
} as const;
export type PatchOpName = (typeof PatchOpName)[keyof typeof PatchOpName];

/** One operation as it goes on the wire. */
export interface PatchOperation {
  op: PatchOpName;
  path: string;
  value?: unknown;
  from?: string;
}

/** A raw operation as the schema's PatchOperationInput gives it (op in upper case). */
export interface RawPatchOperation {
  op: "ADD" | "REMOVE" | "REPLACE" | "MOVE" | "COPY" | "TEST";
  path: string;
  value?: unknown;
  from?: string | null;
}

/** A JSON Pointer (RFC 6901) to a property, always with the leading `/`; AWS accepts both forms. */
function parsePointer(where: string, pointer: string): { pointer: string; property: string } {
  const normalised = pointer.startsWith("/") ? pointer : `/${pointer}`;
  if (normalised === "/") throw badUserInput(`${where}: a patch must name a property, not the whole model.`);
  const tokens = normalised.slice(1).split("/");
  for (const token of tokens) {
    if (/~(?![01])/.test(token)) throw badUserInput(`${where}: "${pointer}" is not a JSON Pointer: "~" must be followed by 0 or 1 (RFC 6901).`);
  }
  const property = (tokens[0] ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
  if (!KNOWN_PROPERTIES.has(property)) {
    throw badUserInput(`${where}: ${property || "(empty)"} is not a property of a route response; known: ${[...KNOWN_PROPERTIES].join(", ")}.`);
  }
  return { pointer: normalised, property };
}

const ID_PROPERTIES: ReadonlySet<string> = new Set([RouteResponseProperty.ApiId, RouteResponseProperty.RouteId, RouteResponseProperty.RouteResponseId]);

/** The value a `test` compares an id property with can only match if it is an id. */
function checkTestedId(where: string, property: string, value: unknown): void {
  if (typeof value !== "string") throw badUserInput(`${where}.value must be a string: ${property} is an API Gateway id.`);
  checkIdentifierPart(`${where}.value`, value);
}

function checkWritable(where: string, property: string): void {
  if (CREATE_ONLY_PROPERTIES.has(property)) {
    throw badUserInput(`${where}: ${property} is create-only and cannot be updated; create a new route response instead.`);
  }
  if (READ_ONLY_PROPERTIES.has(property)) throw badUserInput(`${where}: ${property} is read-only and assigned by API Gateway.`);
}

/** Checks raw operations and writes them as AWS accepts them. Members an op does not use are dropped (RFC 6902 §4). */
export function checkRawPatch(operations: readonly RawPatchOperation[]): PatchOperation[] {
  return operations.map((raw, index) => {
    const where = `patch[${index}]`;
    const op = raw.op.toLowerCase() as PatchOpName;
    const { pointer, property } = parsePointer(`${where}.path`, raw.path);
    const needsValue = op === PatchOpName.add || op === PatchOpName.replace || op === PatchOpName.test;
    const needsFrom = op === PatchOpName.move || op === PatchOpName.copy;
    if (needsValue && !Object.hasOwn(raw, "value")) throw badUserInput(`${where}: ${raw.op} needs a value (null is a value).`);
    if (needsFrom && (raw.from === undefined || raw.from === null)) throw badUserInput(`${where}: ${raw.op} needs from.`);
    if (op !== PatchOpName.test) checkWritable(where, property);
    else if (ID_PROPERTIES.has(property) && pointer === `/${property}`) checkTestedId(where, property, raw.value);
    const operation: PatchOperation = { op, path: pointer };
    if (needsValue) operation.value = raw.value;
    if (needsFrom) {
      const from = parsePointer(`${where}.from`, raw.from as string);
      // A move removes its source, so the source must be writable too; a copy only reads it.
      if (op === PatchOpName.move) checkWritable(where, from.property);
      operation.from = from.pointer;
    }
    if (op === PatchOpName.remove && pointer === `/${RouteResponseProperty.ModelSelectionExpression}`) {
      return { op: PatchOpName.add, path: pointer, value: "" };
    }
    return operation;
  });
}

/**
 * The operations that make `current` (the model from GetResource) take the typed changes: `add` for
 * a value (RFC 6902: it replaces a present member), `remove` to clear, and `add ""` to clear
 * ModelSelectionExpression. Clearing an absent property needs no operation.
 */
export function patchForChanges(current: Record<string, unknown>, changes: RouteResponseChanges): PatchOperation[] {
  const operations: PatchOperation[] = [];
  for (const [property, value] of propertyChangesOf(changes)) {
    const path = `/${property}`;
    const present = current[property] !== undefined && current[property] !== null;
    if (value === null) {
      if (!present) continue;
      operations.push(
        property === RouteResponseProperty.ModelSelectionExpression
          ? { op: PatchOpName.add, path, value: "" }
          : { op: PatchOpName.remove, path },
      );
    } else {
      operations.push({ op: PatchOpName.add, path, value });
    }
  }
  return operations;
}
