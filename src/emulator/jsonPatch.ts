// RFC 6902 JSON Patch over RFC 6901 pointers, as Cloud Control applies UpdateResource's PatchDocument:
// paths are relative to the resource's properties and may omit the leading "/" (AWS's own examples
// write `RetentionInDays`), the whole document can be read but never replaced, and a patch applies
// all or nothing. Objects are read with Object.hasOwn and written with Object.defineProperty, so a
// member named `__proto__`, `constructor` or `prototype` is an ordinary member and never a way into
// a prototype.

export type PatchOp = "add" | "remove" | "replace" | "move" | "copy" | "test";

export interface PatchOperation {
  op: PatchOp;
  path: string;
  value?: unknown;
  from?: string;
}

/** A patch that is malformed (kind "malformed") or cannot apply to this document (kind "unapplicable"). */
export class PatchError extends Error {
  override readonly name = "PatchError";
  readonly kind: "malformed" | "unapplicable";

  constructor(kind: "malformed" | "unapplicable", message: string) {
    super(message);
    this.kind = kind;
  }
}

const OPS: readonly PatchOp[] = ["add", "remove", "replace", "move", "copy", "test"];
const NEEDS_VALUE: ReadonlySet<PatchOp> = new Set(["add", "replace", "test"]);
const NEEDS_FROM: ReadonlySet<PatchOp> = new Set(["move", "copy"]);

type JsonObject = Record<string, unknown>;
type Container = JsonObject | unknown[];

/** Parses a PatchDocument string into operations; throws PatchError("malformed") with the first problem. */
export function parsePatchDocument(text: string): PatchOperation[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PatchError("malformed", `the patch document is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) {
    throw new PatchError("malformed", "the patch document must be a JSON array of operations");
  }
  return parsed.map((entry: unknown, index) => {
    if (!isObject(entry)) throw new PatchError("malformed", `operation ${index}: must be a JSON object`);
    const { op, path } = entry;
    if (typeof op !== "string" || !(OPS as readonly string[]).includes(op)) {
      // Upper-case "ADD" lands here too: RFC 6902 op names are case-sensitive.
      throw new PatchError("malformed", `operation ${index}: "op" must be one of ${OPS.join(", ")}, not ${JSON.stringify(op)}`);
    }
    if (typeof path !== "string") throw new PatchError("malformed", `operation ${index} (${op}): "path" must be a string`);
    const operation: PatchOperation = { op: op as PatchOp, path };
    if (Object.hasOwn(entry, "value")) operation.value = entry.value;
    if (typeof entry.from === "string") operation.from = entry.from;
    else if (NEEDS_FROM.has(operation.op)) {
      throw new PatchError("malformed", `operation ${index} (${op} ${canonicalPointer(path)}): "from" must be a string`);
    }
    checkOperation(operation, index);
    return operation;
  });
}

/** Splits a JSON pointer into unescaped tokens; the leading "/" is optional and "" is the whole document. */
export function pointerTokens(path: string): string[] {
  if (path === "") return [];
  if (/~(?![01])/.test(path)) {
    throw new PatchError("malformed", `"${path}" is not a JSON pointer: "~" must be followed by 0 or 1`);
  }
  const body = path.startsWith("/") ? path.slice(1) : path;
  // RFC 6901 section 4: ~1 before ~0, so "~01" becomes "~1" and not "/".
  return body.split("/").map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The canonical form of a path: leading slash, escapes kept ("" stays "", the whole document). */
export function canonicalPointer(path: string): string {
  return path === "" || path.startsWith("/") ? path : `/${path}`;
}

/** Pointers an operation writes, canonical: a move writes both where it takes from and where it puts. */
export function writtenPointers(op: PatchOperation): string[] {
  switch (op.op) {
    case "test":
      return [];
    case "move":
      return [canonicalPointer(op.from ?? ""), canonicalPointer(op.path)];
    case "add":
    case "remove":
    case "replace":
    case "copy":
      return [canonicalPointer(op.path)];
  }
}

/** Applies operations in order to a deep copy of `doc`; the first failing operation throws and `doc` is untouched. */
export function applyPatch(doc: Record<string, unknown>, ops: readonly PatchOperation[]): Record<string, unknown> {
  const root = cloneJson(doc);
  ops.forEach((op, index) => {
    checkOperation(op, index);
    const fail = (reason: string): never => {
      throw new PatchError("unapplicable", `${describe(op, index)}: ${reason}`);
    };
    const path = pointerTokens(op.path);
    const writes = op.op !== "test";
    if (writes && path.length === 0) fail("Cloud Control patches properties, so the whole document cannot be written");
    switch (op.op) {
      case "add":
        return addAt(root, path, cloneJson(op.value), fail);
      case "remove":
        return void removeAt(root, path, "remove", fail);
      case "replace":
        return replaceAt(root, path, cloneJson(op.value), fail);
      case "move": {
        const from = pointerTokens(op.from ?? "");
        // RFC 6902 section 4.4; a move from "" (the whole document) always lands here.
        if (from.length < path.length && from.every((token, i) => token === path[i])) {
          fail("a value cannot be moved into one of its own children");
        }
        return addAt(root, path, removeAt(root, from, "move", fail), fail);
      }
      case "copy":
        return addAt(root, path, cloneJson(valueAt(root, pointerTokens(op.from ?? ""), fail)), fail);
      case "test": {
        const actual = valueAt(root, path, fail);
        if (!jsonEqual(actual, op.value)) fail(`test failed: the value is ${preview(actual)}, not ${preview(op.value)}`);
        return;
      }
    }
  });
  return root;
}

/** Shape checks shared by the parser and applyPatch, so a hand-built operation is held to the same contract. */
function checkOperation(op: PatchOperation, index: number): void {
  if (NEEDS_VALUE.has(op.op) && op.value === undefined) {
    throw new PatchError("malformed", `${describe(op, index)}: "value" is required (null is allowed)`);
  }
  for (const pointer of [op.path, ...(NEEDS_FROM.has(op.op) ? [op.from ?? ""] : [])]) {
    try {
      pointerTokens(pointer);
    } catch (error) {
      throw new PatchError("malformed", `${describe(op, index)}: ${(error as Error).message}`);
    }
  }
}

function describe(op: PatchOperation, index: number): string {
  const target = NEEDS_FROM.has(op.op)
    ? `from ${canonicalPointer(op.from ?? "")} to ${canonicalPointer(op.path)}`
    : canonicalPointer(op.path) || '"" (the whole document)';
  return `operation ${index} (${op.op} ${target})`;
}

type Fail = (reason: string) => never;

function valueAt(root: JsonObject, tokens: readonly string[], fail: Fail): unknown {
  let current: unknown = root;
  for (const token of tokens) current = child(current, token, fail);
  return current;
}

function child(container: unknown, token: string, fail: Fail): unknown {
  if (Array.isArray(container)) return container[existingIndex(container, token, fail)];
  if (isObject(container)) {
    if (!Object.hasOwn(container, token)) fail(`no member ${JSON.stringify(token)}`);
    return container[token];
  }
  return fail(`${preview(container)} has no member ${JSON.stringify(token)}: it is not an object or array`);
}

function parentOf(root: JsonObject, tokens: readonly string[], fail: Fail): { parent: Container; last: string } {
  const parent = valueAt(root, tokens.slice(0, -1), fail);
  const last = tokens[tokens.length - 1] ?? "";
  if (Array.isArray(parent) || isObject(parent)) return { parent, last };
  return fail(`the parent of ${JSON.stringify(last)} is ${preview(parent)}, not an object or array`);
}

function addAt(root: JsonObject, tokens: readonly string[], value: unknown, fail: Fail): void {
  const { parent, last } = parentOf(root, tokens, fail);
  if (!Array.isArray(parent)) return setMember(parent, last, value);
  const index = last === "-" ? parent.length : arrayIndex(last, fail);
  if (index > parent.length) fail(`index ${index} is past the end of an array of ${parent.length}`);
  parent.splice(index, 0, value);
}

function removeAt(root: JsonObject, tokens: readonly string[], verb: string, fail: Fail): unknown {
  const { parent, last } = parentOf(root, tokens, fail);
  if (Array.isArray(parent)) return parent.splice(existingIndex(parent, last, fail), 1)[0];
  if (!Object.hasOwn(parent, last)) fail(`no member ${JSON.stringify(last)} to ${verb}`);
  const removed = parent[last];
  delete parent[last];
  return removed;
}

function replaceAt(root: JsonObject, tokens: readonly string[], value: unknown, fail: Fail): void {
  const { parent, last } = parentOf(root, tokens, fail);
  if (Array.isArray(parent)) {
    parent[existingIndex(parent, last, fail)] = value;
    return;
  }
  // Cloud Control refuses to replace an absent property ("use add"), as RFC 6902 section 4.3 requires.
  if (!Object.hasOwn(parent, last)) fail(`no member ${JSON.stringify(last)} to replace (add creates one)`);
  setMember(parent, last, value);
}

function existingIndex(array: readonly unknown[], token: string, fail: Fail): number {
  if (token === "-") fail('"-" names the element after the end of the array, which does not exist');
  const index = arrayIndex(token, fail);
  if (index >= array.length) fail(`no element ${index} in an array of ${array.length}`);
  return index;
}

function arrayIndex(token: string, fail: Fail): number {
  // RFC 6901 section 4: an array index is "0" or digits without a leading zero.
  if (!/^(0|[1-9][0-9]*)$/.test(token)) fail(`${JSON.stringify(token)} is not an array index`);
  return Number(token);
}

function setMember(target: JsonObject, key: string, value: unknown): void {
  // Plain assignment to "__proto__" would swap the object's prototype; defining the property never does.
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (!isObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, member] of Object.entries(value)) setMember(copy, key, cloneJson(member));
  return copy as T;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return a === b;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
