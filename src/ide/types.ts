// The public shapes of the IDE handler.
import type { IdeExample } from "./pageConfig.js";

export interface IdeOptions {
  /** The folder `npm run build:ide` writes (dist/ide): manifest.json and the hashed files. */
  assetsDir: string;
  /** The GraphQL path the page is served on and the IDE posts to, such as `/graphql`. */
  endpoint: string;
  /** The tabs the IDE opens with, in order; at least one. */
  examples: IdeExample[];
  /** The page's title. Default "GraphQL IDE". */
  title?: string;
}
