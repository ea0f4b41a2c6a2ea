// The fenced code blocks of a Markdown page, for the tests that keep the docs' snippets true: every
// GraphQL block is checked against the schema, and the blocks a page marks are run as written.
import type { DocumentNode, GraphQLSchema } from "graphql";
import { TypeInfo, getNamedType, isObjectType, isInterfaceType, parse, visit, visitWithTypeInfo } from "graphql";

export interface Fence {
  /** The info string after the opening fence: `graphql`, `ts` ... */
  lang: string;
  code: string;
  /** The name of the `<!-- snippet: NAME -->` comment on the line before the fence, if any. */
  marker: string | undefined;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** Every fenced block of `markdown`, in order. */
export function fences(markdown: string): Fence[] {
  const lines = markdown.split("\n");
  const found: Fence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\S*)\s*$/.exec(lines[index] ?? "");
    if (!open) continue;
    const end = lines.indexOf("```", index + 1);
    if (end < 0) break;
    const marker = /^<!-- snippet: ([\w-]+) -->$/.exec(lines[index - 1] ?? "")?.[1];
    found.push({ lang: open[1] ?? "", code: lines.slice(index + 1, end).join("\n"), marker, line: index + 1 });
    index = end;
  }
  return found;
}

/**
 * The selection sets of `document` that leave out `id` on a type that has one (every Node): paths
 * such as `resourceRequestProgress.routeResponse`. A normalised client cache (Apollo's, Relay's)
 * updates an object only when it knows its id.
 */
export function selectionsWithoutId(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const missing: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const type = getNamedType(typeInfo.getType());
          if (!node.selectionSet || !(isObjectType(type) || isInterfaceType(type)) || !("id" in type.getFields())) return;
          const selectsId = node.selectionSet.selections.some((selection) => selection.kind === "Field" && selection.name.value === "id" && selection.alias === undefined);
          if (!selectsId) missing.push(path.join("."));
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  return missing;
}

/** `code` parsed, or undefined when it is no executable document (SDL, a fragment of one). */
export function operationDocument(code: string): DocumentNode | undefined {
  try {
    const document = parse(code);
    return document.definitions.every((definition) => definition.kind === "OperationDefinition" || definition.kind === "FragmentDefinition") ? document : undefined;
  } catch {
    return undefined;
  }
}
