import type { CaseStage } from '../../cases/domain/case-stage';
import type { ChainPolicyId, EscalationStep } from './escalation-chain';
import { EscalationRefused } from './escalation-errors';

/**
 * paging: a level is paged and awaits an acknowledgement (the next level follows at `nextAt`, none
 * after the top); acknowledged: someone took it on; stopped: the case settled, the breach was
 * withdrawn, or a late breach was only recorded.
 */
export type EscalationState = 'paging' | 'acknowledged' | 'stopped';

/** The standard a level was raised under, as `case.escalated` names it. */
export interface EscalationStandard {
  standardId: string;
  standardVersion: string;
}

/** A case's escalation: one per case, its chain copied in when it starts so a later edit of the chain never changes a climb. */
export interface Escalation {
  tenantId: string;
  caseId: string;
  policyId: ChainPolicyId;
  steps: readonly EscalationStep[];
  level: number;
  state: EscalationState;
  /** Why it stopped (resolved, withdrawn, late, top of chain), or who acknowledged it. */
  note: string | null;
  standard: EscalationStandard;
  /** The breach that started the climb (`sla.withdrawn` of it stops it); null when raised on demand. */
  breachKey: string | null;
  /** When the next level is paged, while paging below the top. */
  nextAt: Date | null;
  updatedAt: Date;
}

/** What a decision changes: the escalation as it now is, and the level raised to (published as `case.escalated`), if any. */
export interface EscalationOutcome {
  escalation: Escalation;
  raisedTo?: { level: number; reason: string; late?: boolean };
}

/** The case facts a decision needs. */
export interface CaseForEscalation {
  stage: CaseStage;
  escalationLevel: number;
}

export interface BreachSeen {
  key: string;
  standard: EscalationStandard;
  /** Late: already past when it reached Hotline. */
  late: boolean;
  /** The case is a child of a declared outage open at the breach (`causedByOutage`). */
  causedByOutage: boolean;
}

/** Stages where the case's trouble is over: resolved (its return call and evaluation), closed, or cancelled. */
const SETTLED: readonly CaseStage[] = ['follow_up', 'evaluation', 'closed', 'cancelled'];
export const isSettled = (stage: CaseStage): boolean => SETTLED.includes(stage);

interface ChainStart {
  tenantId: string;
  caseId: string;
  policyId: ChainPolicyId;
  steps: readonly EscalationStep[];
}

/**
 * A breach of the case: pages the next level now (level 1 for a case never escalated) and climbs
 * from there. Nothing when the case is settled, a climb is already under way (its levels follow
 * on their own) or the chain is at its top.
 *
 * A late breach (its deadline had passed before its events reached Hotline: a backfill, a late
 * record) raises the level for the record, marked `late`, and climbs no further: nobody is paged
 * live for a deadline that was missed long ago, and a backfill of last week must not wake the
 * duty manager tonight.
 *
 * A breach caused by a declared outage escalates nothing: the outage's own parent case carries the
 * escalation, and paging a lead for each of its hundreds of children would bury that one page.
 */
export function escalateOnBreach(kase: CaseForEscalation, existing: Escalation | undefined, start: ChainStart, breach: BreachSeen, at: Date): EscalationOutcome | undefined {
  if (isSettled(kase.stage) || existing?.state === 'paging' || breach.causedByOutage) return undefined;
  const level = kase.escalationLevel + 1;
  if (level > start.steps.length) return undefined;
  const base = { ...start, standard: breach.standard, breachKey: breach.key, level, updatedAt: at };
  if (breach.late) {
    return { escalation: { ...base, state: 'stopped', note: 'late breach: recorded, not paged', nextAt: null }, raisedTo: { level, reason: `${breach.standard.standardId} breached (late record)`, late: true } };
  }
  return { escalation: climbFrom(base, at), raisedTo: { level, reason: `${breach.standard.standardId} breached` } };
}

/**
 * The wait of the paged level ran out (its timer fired, carrying the level it was set for): the
 * next level is paged, unless the case settled meanwhile, someone acknowledged, or a newer level
 * took over (a stale timer changes nothing).
 */
export function escalateOnTimeout(kase: CaseForEscalation, existing: Escalation | undefined, timedLevel: number, at: Date): EscalationOutcome | undefined {
  if (!existing || existing.state !== 'paging' || existing.level !== timedLevel || timedLevel >= existing.steps.length) return undefined;
  if (isSettled(kase.stage)) return { escalation: { ...existing, state: 'stopped', note: `case ${kase.stage}`, nextAt: null, updatedAt: at } };
  const waited = existing.steps[existing.level - 1];
  const level = existing.level + 1;
  const reason = `not acknowledged within ${waited.waitSeconds} s at ${waited.role}`;
  return { escalation: climbFrom({ ...existing, level, updatedAt: at }, at), raisedTo: { level, reason } };
}

/**
 * Someone raises the case one level (a lead or a supervisor asks for help): paged now, climbing
 * from there as after a breach, on the chain under way if any. Refused for a settled case or one at the top of its chain.
 */
export function escalateOnDemand(kase: CaseForEscalation, existing: Escalation | undefined, start: ChainStart & { standard: EscalationStandard }, reason: string, at: Date): EscalationOutcome {
  if (isSettled(kase.stage)) throw new EscalationRefused(start.caseId, `the case is at ${kase.stage}: its trouble is over`);
  const base = existing ?? start;
  const level = kase.escalationLevel + 1;
  if (level > base.steps.length) throw new EscalationRefused(start.caseId, `the case is at level ${kase.escalationLevel}, the top of its chain`);
  // A person's raise is no breach's: withdrawing the breach that began the climb no longer stops it.
  return { escalation: climbFrom({ ...base, breachKey: null, level, updatedAt: at }, at), raisedTo: { level, reason } };
}

/** The paged level takes it on: the climb stops at this level. Acknowledging again changes nothing. */
export function acknowledge(existing: Escalation | undefined, caseId: string, by: string, at: Date): Escalation | undefined {
  if (existing?.state === 'acknowledged') return undefined;
  if (!existing || existing.state !== 'paging') throw new EscalationRefused(caseId, 'no escalation of it awaits an acknowledgement');
  return { ...existing, state: 'acknowledged', note: `acknowledged by ${by}`, nextAt: null, updatedAt: at };
}

/** The breach that started the climb was withdrawn (the work was done in time after all): the climb stops, the levels stay on record. */
export function stopOnWithdrawal(existing: Escalation | undefined, breachKey: string, at: Date): Escalation | undefined {
  if (!existing || existing.state !== 'paging' || existing.breachKey !== breachKey) return undefined;
  return { ...existing, state: 'stopped', note: 'breach withdrawn', nextAt: null, updatedAt: at };
}

/** The identity of a breach, the same however often it is re-sent: what it timed and when it was due. */
export function breachKey(standardId: string, slaKind: string, deadline: string): string {
  return `${standardId}|${slaKind}|${new Date(deadline).toISOString()}`;
}

/** Paging `level`, which has its step's wait to acknowledge before the next level; after the top nothing more is paged. */
function climbFrom(escalation: Omit<Escalation, 'state' | 'nextAt' | 'note'>, at: Date): Escalation {
  const atTop = escalation.level >= escalation.steps.length;
  const nextAt = atTop ? null : new Date(at.getTime() + escalation.steps[escalation.level - 1].waitSeconds * 1000);
  return { ...escalation, state: 'paging', note: null, nextAt };
}
