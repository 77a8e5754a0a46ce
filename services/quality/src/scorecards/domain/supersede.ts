import type { NewLedgerEntry } from './ledger-entry';

/**
 * A re-score or a redone survey replaces the verdict on its subject: the newest evidence by event
 * time (then event id) counts. Given the subject's entries still in force, says whether `next` is
 * older than what counts already (then it earns nothing), or which entries it reverses.
 */
export function supersede(inForce: readonly NewLedgerEntry[], next: { eventId: string; at: Date }): { stale: boolean; reverse: NewLedgerEntry[] } {
  const others = inForce.filter((entry) => entry.evidenceEventId !== next.eventId && entry.kind !== 'compensation');
  const newer = others.some((e) => e.occurredAt > next.at || (e.occurredAt.getTime() === next.at.getTime() && e.evidenceEventId > next.eventId));
  return newer ? { stale: true, reverse: [] } : { stale: false, reverse: others };
}
