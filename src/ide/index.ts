export { createIdeHandler } from "./handler.js";
export { defaultIdeAssetsDir } from "./assets.js";
export { AUTHORIZATION_PLACEHOLDER_HEADERS, routeResponseExamples } from "./examples.js";
export type { RouteResponseExampleIds } from "./examples.js";
export { IDE_ASSETS_PATH, IDE_CONTENT_SECURITY_POLICY } from "./page.js";
export type { IdeExample, IdePageConfig } from "./pageConfig.js";
export type { IdeHandler, IdeOptions } from "./types.js";
