// The browser IDE (GraphiQL) as data: its built files, its page and its example tabs. src/http/ide.ts serves them.
export { defaultIdeAssetsDir, loadIdeAssets } from "./assets.js";
export type { IdeAsset } from "./assets.js";
export { AUTHORIZATION_PLACEHOLDER_HEADERS, routeResponseExamples } from "./examples.js";
export type { RouteResponseExampleIds } from "./examples.js";
export { chooseContentCoding, prefersHtml } from "./negotiation.js";
export type { ContentCoding } from "./negotiation.js";
export { IDE_ASSETS_PATH, IDE_CONTENT_SECURITY_POLICY, renderIdePage } from "./page.js";
export type { IdeExample, IdePageConfig } from "./pageConfig.js";
export type { IdeOptions } from "./types.js";
