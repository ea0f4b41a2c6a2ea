// The MAX_* settings: how large one request may be. Every limit is checked before the first Cloud
// Control call, and the call budget (MAX_COST) is enforced again while the operation runs.
import type { SettingsReader } from "../configReader.js";

export interface LimitsConfig {
  /** MAX_DEPTH: nested selection sets below the root (default 10; the API needs 6). */
  maxDepth: number;
  /** MAX_ALIASES: aliased fields in one document (default 100). */
  maxAliases: number;
  /** MAX_TOKENS: lexical tokens in one document, checked while parsing (default 5000). */
  maxTokens: number;
  /**
   * MAX_SELECTIONS: the size of one document's selections (default 1000): fields, fragment spreads,
   * inline fragments and the values in fields' arguments, a fragment's counted again wherever it is
   * spread. Checked before validation (selections.ts).
   */
  maxSelections: number;
  /** MAX_FRAGMENTS: fragment definitions in one document (default 64). Checked before validation. */
  maxFragments: number;
  /**
   * MAX_REPEATED_SELECTIONS: fields one document may select at the same place of the response: the
   * same response key under the same parents, fragments spread in (default 8, so a client that
   * composes several fragments selecting `id` on one object passes). Checked before validation.
   */
  maxRepeatedSelections: number;
  /** MAX_DOCUMENT_BYTES: the size of the GraphQL document itself (default 64 KiB). */
  maxDocumentBytes: number;
  /** MAX_BODY_BYTES: the size of an HTTP request body, variables included (default 1 MiB); larger is 413. */
  maxBodyBytes: number;
  /** MAX_STRING_LENGTH: the longest string argument or variable, JSON values included (default 4096). */
  maxStringLength: number;
  /**
   * MAX_COST: Cloud Control calls one operation may cause (default 250). Estimated from the
   * operation and its variables before it runs, and counted while it runs.
   */
  maxCost: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 10,
  maxAliases: 100,
  maxTokens: 5000,
  maxSelections: 1000,
  maxFragments: 64,
  maxRepeatedSelections: 8,
  maxDocumentBytes: 64 * 1024,
  maxBodyBytes: 1024 * 1024,
  maxStringLength: 4096,
  maxCost: 250,
};

export function readLimitsConfig(read: SettingsReader): LimitsConfig {
  return {
    maxDepth: read.integer("MAX_DEPTH", DEFAULT_LIMITS.maxDepth, 2, 100),
    maxAliases: read.integer("MAX_ALIASES", DEFAULT_LIMITS.maxAliases, 0, 10_000),
    maxTokens: read.integer("MAX_TOKENS", DEFAULT_LIMITS.maxTokens, 100, 1_000_000),
    maxSelections: read.integer("MAX_SELECTIONS", DEFAULT_LIMITS.maxSelections, 10, 1_000_000),
    maxFragments: read.integer("MAX_FRAGMENTS", DEFAULT_LIMITS.maxFragments, 0, 10_000),
    maxRepeatedSelections: read.integer("MAX_REPEATED_SELECTIONS", DEFAULT_LIMITS.maxRepeatedSelections, 1, 10_000),
    maxDocumentBytes: read.integer("MAX_DOCUMENT_BYTES", DEFAULT_LIMITS.maxDocumentBytes, 256, 10 * 1024 * 1024),
    maxBodyBytes: read.integer("MAX_BODY_BYTES", DEFAULT_LIMITS.maxBodyBytes, 1024, 100 * 1024 * 1024),
    maxStringLength: read.integer("MAX_STRING_LENGTH", DEFAULT_LIMITS.maxStringLength, 16, 10 * 1024 * 1024),
    maxCost: read.integer("MAX_COST", DEFAULT_LIMITS.maxCost, 1, 100_000),
  };
}
