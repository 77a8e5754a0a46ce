import { createHash } from 'node:crypto';
import type { IncidentActor } from './incident';

/** What the first custody entry of a piece of evidence links to. */
export const CUSTODY_GENESIS = '0'.repeat(64);

/** A custody entry as hashed: every field a rewrite could change. */
export interface CustodyLink {
  at: Date;
  actor: IncidentActor;
  action: string;
  to: string | null;
  note: string | null;
  sha256Observed: string;
  intact: boolean;
}

/**
 * Each custody entry hashes the one before it, so an entry changed, removed from the middle or
 * moved in PostgreSQL breaks the chain (as the audit trail's entries do; a cut tail is not seen).
 */
export function custodyHash(prevHash: string, evidenceId: string, entry: CustodyLink): string {
  const { at, actor, action, to, note, sha256Observed, intact } = entry;
  const fields = [prevHash, evidenceId, at.toISOString(), actor.id, actor.kind, actor.roles, action, to, note, sha256Observed, intact];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export type CustodyVerdict = { intact: true } | { intact: false; firstBroken: number };

/** Checks the chain in order; `firstBroken` is the 0-based index of the first entry that does not link. */
export function verifyCustody(evidenceId: string, entries: readonly (CustodyLink & { prevHash: string; hash: string })[]): CustodyVerdict {
  let expectedPrev = CUSTODY_GENESIS;
  for (const [index, entry] of entries.entries()) {
    if (entry.prevHash !== expectedPrev || entry.hash !== custodyHash(entry.prevHash, evidenceId, entry)) return { intact: false, firstBroken: index };
    expectedPrev = entry.hash;
  }
  return { intact: true };
}
