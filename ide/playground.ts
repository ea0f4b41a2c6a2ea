// Starts GraphQL Playground (IDE=playground) from the page the gateway wrote (src/ide/page.ts): its
// prebuilt bundle, loaded just before this file, defines `window.GraphQLPlayground`; this file gives
// it the endpoint and the gateway's example tabs. Playground's own page is not used: it links Google
// Fonts and boots from an inline script, which the page's CSP does not allow. Each tab opens with
// its Query Variables pane open and in front (Playground starts them collapsed behind HTTP Headers):
// `init` turns a tab into a session with every field given, and these two are session fields.
import { IDE_ROOT_ELEMENT_ID } from "../src/ide/pageConfig.js";
import { readPageConfig } from "./pageConfig.js";

/** The slice of graphql-playground-react 1.7's `init` options this page uses. */
interface PlaygroundOptions {
  endpoint: string;
  subscriptionEndpoint: string;
  tabs: Array<{
    endpoint: string;
    name: string;
    query: string;
    variables?: string;
    headers?: Record<string, string>;
    /** The bottom pane shows Query Variables rather than HTTP Headers. */
    queryVariablesActive?: boolean;
    /** The bottom pane is open rather than collapsed to its title bar. */
    variableEditorOpen?: boolean;
  }>;
  settings: Record<string, string | number | boolean>;
  canSaveConfig: boolean;
}

declare global {
  interface Window {
    GraphQLPlayground?: { init(element: HTMLElement, options: PlaygroundOptions): void };
  }
}

function start(): void {
  const root = document.getElementById(IDE_ROOT_ELEMENT_ID);
  if (root === null) throw new Error(`The page has no #${IDE_ROOT_ELEMENT_ID} element.`);
  const playground = window.GraphQLPlayground;
  if (playground === undefined) throw new Error("GraphQL Playground's bundle did not load: rebuild the IDE (npm run build:ide).");
  const { endpoint, examples } = readPageConfig(document);
  const url = new URL(endpoint, window.location.href);
  const socketUrl = new URL(url);
  socketUrl.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  playground.init(root, {
    endpoint: url.href,
    subscriptionEndpoint: socketUrl.href,
    tabs: examples.map(({ name, query, variables, headers }) => ({
      endpoint: url.href,
      name,
      query,
      queryVariablesActive: true,
      variableEditorOpen: true,
      ...(variables === undefined ? {} : { variables }),
      ...(headers === undefined ? {} : { headers: JSON.parse(headers) as Record<string, string> }),
    })),
    settings: {
      // The page's own origin only, and no polling: the schema is fetched once per tab.
      "request.credentials": "same-origin",
      "schema.polling.enable": false,
      "editor.theme": "light",
    },
    canSaveConfig: false,
  });
}

start();
