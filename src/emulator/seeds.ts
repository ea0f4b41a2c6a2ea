// Seed data: the built-in demo, a JSON file of the same form, or a document given in process.
import { readFileSync } from "node:fs";
import { demoSeed } from "./demoSeed.js";
import type { SeedDocument } from "./options.js";
import type { Region } from "./region.js";
import { RESOURCE_TYPES, identifierOf, modelValidationMessage, schemaViolations } from "./resourceTypes/index.js";

export function loadSeed(seed: "demo" | SeedDocument | string): SeedDocument {
  if (seed === "demo") return demoSeed;
  if (typeof seed !== "string") return seed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(seed, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read seed file ${seed}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as SeedDocument).resources)) {
    throw new Error(`Seed file ${seed} must hold {"resources": [{"region"?, "typeName", "properties"}]}.`);
  }
  return parsed as SeedDocument;
}

/** A request token as Cloud Control's RequestToken constraint allows it (reference §2). */
const REQUEST_TOKEN = /^[-A-Za-z0-9+/=]{1,128}$/;

/**
 * Adds seeded resources as if they had been created, with the same checks a create makes (schema,
 * parents, duplicates), so a seed cannot hold what AWS could not. Ids may be given (fixed ids for
 * documentation) or are generated. A resource with a `requestToken` also gets the finished CREATE
 * request that made it, dated `now`.
 */
export function applySeed(doc: SeedDocument, regionNamed: (name: string) => Region, defaultRegion: string, now: number): void {
  doc.resources.forEach((resource, index) => {
    const where = `seed resource ${index} (${resource.typeName})`;
    const type = RESOURCE_TYPES.get(resource.typeName);
    if (!type) throw new Error(`${where}: unknown type; the emulator serves ${[...RESOURCE_TYPES.keys()].join(", ")}.`);
    const violations = schemaViolations(type.schema, resource.properties);
    if (violations.length > 0) throw new Error(`${where}: ${modelValidationMessage(violations)}`);
    const region = regionNamed(resource.region ?? defaultRegion);
    const ctx = region.context();
    const model = type.assign(resource.properties, ctx);
    const identifier = identifierOf(type, model);
    if (region.find(type.typeName, identifier)) throw new Error(`${where}: ${identifier} already exists in ${region.name}.`);
    const failure = type.checkCreate(model, ctx);
    if (failure) throw new Error(`${where}: ${failure.errorCode}: ${failure.message}`);
    const token = resource.requestToken;
    if (token !== undefined && (!REQUEST_TOKEN.test(token) || region.request(token))) {
      throw new Error(`${where}: requestToken must be 1 to 128 characters of A-Z, a-z, 0-9, +, /, = and -, used once per region.`);
    }
    region.put(type, model);
    if (token !== undefined) region.recordFinishedCreate(type, model, token, now);
  });
}
