// How deeply the request's variables nest. JSON.parse builds any depth a body carries, but every
// recursive walk after it (graphql-js's input coercion, JSON.stringify of a patch value for AWS)
// would overflow the stack on a value nested 100 000 levels deep, which fits in 200 KB. Nothing the
// API takes nests more than a few levels (a route response's ResponseModels is a map of strings),
// so the bound is fixed, well above any real value and far below any stack.
import { LimitExceededError } from "./errors.js";

/** The deepest nesting of arrays and objects the variables of one request may have. */
export const MAX_VARIABLE_DEPTH = 32;

/** The nesting depth of `value` (a scalar is 0), counted without recursion and no further than `stopAt`. */
export function nestingDepth(value: unknown, stopAt: number): number {
  if (typeof value !== "object" || value === null) return 0;
  let deepest = 1;
  // Only containers are pushed: a list of 50 000 strings costs one pass over it, no allocation each.
  const stack: Array<{ value: object; depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof item !== "object" || item === null) continue;
      if (depth + 1 > deepest) deepest = depth + 1;
      if (deepest > stopAt) return deepest;
      stack.push({ value: item as object, depth: depth + 1 });
    }
  }
  return deepest;
}

/** The refusal for variables nested deeper than MAX_VARIABLE_DEPTH, or undefined. */
export function checkVariableDepth(variables: Readonly<Record<string, unknown>> | null | undefined): LimitExceededError | undefined {
  if (variables === null || variables === undefined) return undefined;
  // The variables object itself is one level.
  const depth = nestingDepth(variables, MAX_VARIABLE_DEPTH + 1) - 1;
  if (depth <= MAX_VARIABLE_DEPTH) return undefined;
  return new LimitExceededError(
    "variableDepth",
    depth,
    MAX_VARIABLE_DEPTH,
    `A variable nests arrays or objects more than ${MAX_VARIABLE_DEPTH} levels deep (at least ${depth}); no argument of this API needs more than a few.`,
  );
}
