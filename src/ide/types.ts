// The public shapes of the IDE handler.
import type { IdeTool } from "./page.js";
import type { IdeExample } from "./pageConfig.js";

export interface IdeOptions {
  /** The folder `npm run build:ide` writes (dist/ide): manifest.json and the hashed files. */
  assetsDir: string;
  /** The GraphQL path the page is served on and the IDE posts to, such as `/graphql`. */
  endpoint: string;
  /** The tabs the IDE opens with, in order; at least one. */
  examples: IdeExample[];
  /** Which IDE the page boots: GraphiQL (default) or GraphQL Playground (IDE=playground). */
  tool?: IdeTool;
  /** The page's title. Default "GraphQL IDE". */
  title?: string;
}
