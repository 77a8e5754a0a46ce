/** What kind of evidence earned the points; a compensation reverses another entry. */
export type LedgerEntryKind = 'etiquette' | 'breach' | 'survey' | 'compensation';

/** The standard, version and clause behind an entry (DESIGN decision 11). */
export interface StandardRef {
  standardId: string;
  version: string;
  clause: string;
}

/** An entry about to be recorded: `rule` and the evidence event id make it unique. */
export interface NewLedgerEntry extends StandardRef {
  id: string;
  tenantId: string;
  agentId: string | null;
  team: string | null;
  kind: LedgerEntryKind;
  rule: string;
  /** What the evidence is about (`contact:C1`, `sla:case:K1:resolution`): a later verdict on it finds this entry. */
  subjectKey: string;
  evidenceEventId: string;
  evidenceType: string;
  /** Signed: a reward is positive, a penalty negative, 0 for evidence that earns nothing (with `reason`). */
  points: number;
  reason: string | null;
  schemeVersion: number;
  occurredAt: Date;
  /** `YYYY-MM` (UTC) of `occurredAt`, or of the reversed entry for a compensation. */
  period: string;
  compensates: string | null;
}

/** A recorded entry. */
export interface LedgerEntry extends NewLedgerEntry {
  recordedAt: Date;
}

export function periodOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/**
 * The entry that reverses `entry`: the opposite points, for the same agent, team and period (so the
 * month's net is as if it never counted), evidenced by what undid it. Never for a compensation itself.
 */
export function compensationOf(
  entry: NewLedgerEntry,
  by: { id: string; evidenceEventId: string; evidenceType: string; reason: string; occurredAt: Date },
): NewLedgerEntry {
  if (entry.kind === 'compensation') throw new Error(`Entry ${entry.id} is a compensation; it is not reversed again`);
  return {
    ...entry,
    id: by.id,
    kind: 'compensation',
    rule: `compensation:${entry.id}`,
    evidenceEventId: by.evidenceEventId,
    evidenceType: by.evidenceType,
    points: 0 - entry.points,
    reason: by.reason,
    occurredAt: by.occurredAt,
    compensates: entry.id,
  };
}
