// The browser IDE: GraphiQL 4 with the gateway's example operations as tabs, named by what each does.
// The server writes the endpoint and examples into the page (src/ide/page.ts); nothing here knows the
// schema or the ids. The bottom pane opens on the variables, which the examples fill.
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import "./ide.css";
import { IDE_ROOT_ELEMENT_ID } from "../src/ide/pageConfig.js";
import { browserStorage, seedFirstVisit } from "./firstVisit.js";
import { readPageConfig } from "./pageConfig.js";
import { createIdeFetcher } from "./subscriptions.js";
import { registerExampleTitles } from "./tabTitles.js";

function showFailure(root: HTMLElement, error: unknown): void {
  const message = document.createElement("pre");
  message.textContent = `The GraphQL IDE could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(message);
}

function start(): void {
  const root = document.getElementById(IDE_ROOT_ELEMENT_ID);
  if (root === null) throw new Error(`The page has no #${IDE_ROOT_ELEMENT_ID} element.`);
  try {
    const { endpoint, examples } = readPageConfig(document);
    // The page's own origin only: the CSP's connect-src allows nothing else. Subscriptions go over a
    // graphql-ws WebSocket to the same path, opened on the first subscription.
    const socketUrl = new URL(endpoint, window.location.href);
    socketUrl.protocol = socketUrl.protocol === "https:" ? "wss:" : "ws:";
    const fetcher = createIdeFetcher({ url: endpoint, socketUrl: socketUrl.href, fetch: window.fetch.bind(window) });
    const tabs = examples.map(({ query, variables, headers }) => ({ query, variables, headers }));
    registerExampleTitles(examples);
    seedFirstVisit(browserStorage(), examples[0]);
    createRoot(root).render(
      <StrictMode>
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={tabs}
          defaultHeaders={examples[0]?.headers}
          defaultEditorToolsVisibility="variables"
          isHeadersEditorEnabled
          shouldPersistHeaders={false}
        />
      </StrictMode>,
    );
  } catch (error) {
    showFailure(root, error);
    throw error;
  }
}

start();
