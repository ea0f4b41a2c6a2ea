// The browser IDE (GraphiQL, or GraphQL Playground) as data: its built files, its page and its example tabs. src/http/ide.ts serves them.
export { defaultIdeAssetsDir, loadIdeAssets } from "./assets.js";
export type { IdeAsset } from "./assets.js";
export { AUTH_PLACEHOLDER_HEADERS, exampleCredentialsFor, routeResponseExamples } from "./examples.js";
export type { ExampleCredentials, RouteResponseExampleIds } from "./examples.js";
export { chooseContentCoding, prefersHtml } from "./negotiation.js";
export type { ContentCoding } from "./negotiation.js";
export { IDE_ASSETS_PATH, IDE_CONTENT_SECURITY_POLICY, PLAYGROUND_CONTENT_SECURITY_POLICY, renderIdePage } from "./page.js";
export type { IdeTool } from "./page.js";
export type { IdeExample, IdePageConfig } from "./pageConfig.js";
export type { IdeOptions } from "./types.js";
