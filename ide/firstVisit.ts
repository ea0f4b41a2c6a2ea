// GraphiQL 4 opens `defaultTabs` on a first visit but fills the variables editor from storage only
// (@graphiql/react editor/context.js: `variables = props.variables ?? storage.get("variables")`). The
// first tab would show its query with empty variables, and a reload would add a copy of it (tabs
// are matched by query and variables). Storing what GraphiQL stores once a tab is shown restores its
// own invariant, that storage holds the active tab's query and variables.
import type { IdeExample } from "../src/ide/pageConfig.js";

/** GraphiQL's StorageAPI prefixes its keys with its namespace. */
const KEY = { tabs: "graphiql:tabState", query: "graphiql:query", variables: "graphiql:variables" } as const;

export function seedFirstVisit(storage: Storage | undefined, first: IdeExample | undefined): void {
  if (storage === undefined || first === undefined || storage.getItem(KEY.tabs) !== null) return;
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
