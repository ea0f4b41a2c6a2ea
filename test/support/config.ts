import { strict as assert } from "node:assert";
import { ConfigError, loadConfig } from "../../src/config.js";

/** The problems loadConfig reports for an environment that must be refused. */
export function configProblems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail("expected a ConfigError");
}
