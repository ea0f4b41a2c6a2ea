// What the server tells the browser bundle, as JSON in the page. The bundle (ide/) imports these
// types only, so the page the server writes and the code that reads it share one contract; this file
// must therefore stay free of Node types.

/** One tab the IDE opens with. GraphiQL titles a tab with its operation's name. */
export interface IdeExample {
  /** What the example shows, such as "Get one route response"; unique among the examples. */
  name: string;
  /** A GraphQL document with one operation. */
  query: string;
  /** The variables editor's text: a JSON object. */
  variables?: string;
  /** The headers editor's text: a JSON object. */
  headers?: string;
}

/** The JSON the page embeds in `<script type="application/json" id="ide-config">`. */
export interface IdePageConfig {
  /** Where the IDE posts GraphQL: a path on the page's own origin. */
  endpoint: string;
  examples: IdeExample[];
}

/** The id of the element holding the page config. */
export const IDE_CONFIG_ELEMENT_ID = "ide-config";
/** The id of the element GraphiQL renders into. */
export const IDE_ROOT_ELEMENT_ID = "ide";
