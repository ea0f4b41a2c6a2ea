// Reads the config the server embedded in the page (src/ide/page.ts), checking its shape: a page
// from another gateway version must fail with a sentence, not a blank screen.
import type { IdeExample, IdePageConfig } from "../src/ide/pageConfig.js";
import { IDE_CONFIG_ELEMENT_ID } from "../src/ide/pageConfig.js";

function isExample(value: unknown): value is IdeExample {
  if (typeof value !== "object" || value === null) return false;
  const example = value as Record<string, unknown>;
  const optionalString = (field: unknown) => field === undefined || typeof field === "string";
  return typeof example.name === "string" && typeof example.query === "string" && optionalString(example.variables) && optionalString(example.headers);
}

export function readPageConfig(doc: Document): IdePageConfig {
  const element = doc.getElementById(IDE_CONFIG_ELEMENT_ID);
  if (element === null) throw new Error(`The page has no #${IDE_CONFIG_ELEMENT_ID} element: it was not served by the gateway's IDE handler.`);
  const value = JSON.parse(element.textContent ?? "") as Partial<IdePageConfig> | null;
  if (typeof value?.endpoint !== "string" || !Array.isArray(value.examples) || !value.examples.every(isExample)) {
    throw new Error(`#${IDE_CONFIG_ELEMENT_ID} is not {endpoint, examples}: reload the page, or rebuild the IDE (npm run build:ide).`);
  }
  return { endpoint: value.endpoint, examples: value.examples };
}
