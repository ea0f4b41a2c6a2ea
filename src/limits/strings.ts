// The longest string a request carries, in the document's literals and in its variables (JSON
// values included, however nested). Identifiers have their own, tighter checks in the domain; this
// bounds everything else that would otherwise travel to AWS as it is (keys, expressions, patch values).
import { visit } from "graphql";
import type { DocumentNode } from "graphql";

function longestIn(value: unknown, depth = 0): number {
  if (typeof value === "string") return value.length;
  // Variables come from JSON.parse, so they hold no cycles; the depth bound is for a hostile nesting
  // (the pipeline refuses variables nested deeper than 32 levels anyway).
  if (depth > 100 || typeof value !== "object" || value === null) return 0;
  let longest = 0;
  // Plain loops: a list of 50 000 ids is walked without an entry array per item.
  if (Array.isArray(value)) {
    for (const item of value) {
      const length = typeof item === "string" ? item.length : longestIn(item, depth + 1);
      if (length > longest) longest = length;
    }
    return longest;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const length = Math.max(key.length, longestIn(record[key], depth + 1));
    if (length > longest) longest = length;
  }
  return longest;
}

/** The longest string literal in `document`: the part of longestString that a parsed document can keep. */
export function longestLiteral(document: DocumentNode): number {
  let longest = 0;
  visit(document, {
    StringValue(node) {
      longest = Math.max(longest, node.value.length);
    },
  });
  return longest;
}

/** The longest string in `variables`, keys included, however nested. */
export function longestVariable(variables: Readonly<Record<string, unknown>> | undefined): number {
  return longestIn(variables ?? {});
}

/** The longest string `document` and `variables` carry together. */
export function longestString(document: DocumentNode, variables: Readonly<Record<string, unknown>> | undefined): number {
  return Math.max(longestVariable(variables), longestLiteral(document));
}
