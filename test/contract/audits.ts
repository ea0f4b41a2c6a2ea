// The contract suite: one list of audits, run against the emulator (emulator.test.ts) and, opt-in,
// against real AWS (aws.test.ts). Areas are assembled in order, without spreads, and a test asserts
// the ids are unique, so nothing can silently replace or drop an entry.
import type { Audit } from "./audit.js";
import { authAudits } from "./audits/auth.js";
import { familyAudits } from "./audits/family.js";
import { faultAudits } from "./audits/faults.js";
import { idempotencyAudits } from "./audits/idempotency.js";
import { patchAudits } from "./audits/patch.js";
import { protocolAudits } from "./audits/protocol.js";
import { readAudits } from "./audits/reads.js";
import { requestAudits } from "./audits/requests.js";
import { validationAudits } from "./audits/validation.js";
import { writeAudits } from "./audits/writes.js";

export type { Audit, AuditLevel, Target } from "./audit.js";

/** The areas in the order they run. */
export const auditAreas: ReadonlyArray<readonly [area: string, audits: readonly Audit[]]> = [
  ["protocol", protocolAudits],
  ["validation", validationAudits],
  ["reads", readAudits],
  ["writes", writeAudits],
  ["family", familyAudits],
  ["patch", patchAudits],
  ["idempotency", idempotencyAudits],
  ["requests", requestAudits],
  ["faults", faultAudits],
  ["auth", authAudits],
];

export const audits: readonly Audit[] = auditAreas.flatMap(([, list]) => list);

/** Ids used more than once; empty when the suite is well-formed. */
export function duplicateAuditIds(list: readonly Audit[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const audit of list) {
    if (seen.has(audit.id)) duplicates.add(audit.id);
    seen.add(audit.id);
  }
  return [...duplicates];
}

/** The test name of an audit: `${id} ${level} ${title}`. */
export const auditName = (audit: Audit) => `${audit.id} ${audit.level} ${audit.title}`;
