import type { EscalationOutcome } from './escalation';
import type { EscalationContext } from './escalation-events';

/** One step of a case's escalation as its timeline shows it: a level paged, the climb acknowledged, or stopped. */
export interface EscalationEntry {
  tenantId: string;
  caseId: string;
  at: Date;
  event: 'raised' | 'acknowledged' | 'stopped';
  level: number;
  /** Why: the breach or request that raised it, who acknowledged it, what stopped it. */
  reason: string;
  /** A late breach raised the level for the record only: nobody was paged. */
  late: boolean;
  /** The person who acted (on demand, acknowledgement); absent when dispatch acted on a breach or a timeout. */
  actorId: string | null;
}

/** What a decision adds to the case's timeline; nothing for a decision that only re-sets its timer. */
export function escalationEntry({ escalation, raisedTo }: EscalationOutcome, { tenantId, caseId, at, actor }: EscalationContext): EscalationEntry | undefined {
  const common = { tenantId, caseId, at, actorId: actor?.id ?? null };
  if (raisedTo) return { ...common, event: 'raised', level: raisedTo.level, reason: raisedTo.reason, late: raisedTo.late ?? false };
  if (escalation.state === 'paging') return undefined;
  return { ...common, event: escalation.state, level: escalation.level, reason: escalation.note ?? escalation.state, late: false };
}
