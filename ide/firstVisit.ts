// GraphiQL 4 opens `defaultTabs` on a first visit but fills the variables editor from storage only
// (@graphiql/react editor/context.js: `variables = props.variables ?? storage.get("variables")`). The
// first tab would show its query with empty variables, and a reload would add a copy of it (tabs
// are matched by query and variables). Storing what GraphiQL stores once a tab is shown restores its
// own invariant, that storage holds the active tab's query and variables. The first visit also
// gives the editor column 60% of the width (GraphiQL's default is half): the tabs' comment lines
// then show whole beside the result. Once the user drags the divider, GraphiQL keeps their choice.
import type { IdeExample } from "../src/ide/pageConfig.js";

/** GraphiQL's StorageAPI prefixes its keys with its namespace. */
const KEY = { tabs: "graphiql:tabState", query: "graphiql:query", variables: "graphiql:variables", editorFlex: "graphiql:editorFlex" } as const;

/** The editor column's flex-grow beside the result's 1 (@graphiql/react's useDragResize, key editorFlex). */
export const EDITOR_FLEX = "1.5";

export function seedFirstVisit(storage: Storage | undefined, first: IdeExample | undefined): void {
  if (storage === undefined) return;
  if (storage.getItem(KEY.editorFlex) === null) storage.setItem(KEY.editorFlex, EDITOR_FLEX);
  if (first === undefined || storage.getItem(KEY.tabs) !== null) return;
  storage.setItem(KEY.query, first.query);
  storage.setItem(KEY.variables, first.variables ?? "");
}

/** localStorage, or undefined where the browser refuses it (storage disabled, some private modes). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
