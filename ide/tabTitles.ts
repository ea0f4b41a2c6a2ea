// GraphiQL 4 titles a tab with its operation's name (`ListWebSocketApis`) and has no option for
// another title. scripts/build-ide.mjs points its tab button at `tabTitle` instead, which shows the
// example's own name ("List the region's WebSocket APIs") for a tab whose operation is an example's.
// A tab whose operation the user renamed, or a new one, keeps GraphiQL's title.
import type { IdeExample } from "../src/ide/pageConfig.js";

/** Example names by operation name; an operation name two examples share is left out. */
const titles = new Map<string, string | null>();

/** GraphiQL's own reading of a tab's operation name (@graphiql/react's fuzzyExtractOperationName). */
function operationNameOf(query: string): string | undefined {
  return /^(?!#).*(?:query|subscription|mutation)\s+([a-zA-Z0-9_]+)/m.exec(query)?.[1];
}

/** Registers the examples' names; call before GraphiQL renders. */
export function registerExampleTitles(examples: readonly IdeExample[]): void {
  titles.clear();
  for (const { name, query } of examples) {
    const operationName = operationNameOf(query);
    if (operationName !== undefined) titles.set(operationName, titles.has(operationName) ? null : name);
  }
}

/** What a tab titled `title` by GraphiQL shows. */
export function tabTitle(title: string): string {
  return titles.get(title) ?? title;
}
