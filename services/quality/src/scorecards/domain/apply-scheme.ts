import type { Attribution, Evidence } from './evidence';
import { subjectKeyOf } from './evidence';
import { compensationOf, type NewLedgerEntry, periodOf } from './ledger-entry';
import type { VersionedScheme } from './scheme';

/** Survey points and breach exemptions are the scheme's own rule (manual 5.4), not a service standard's. */
export const SCHEME_STANDARD_ID = 'scorecard-scheme';
export const SCHEME_CLAUSE = '5.4';

export const NO_AGENT_REASON = 'No agent is known for this evidence: nobody earns its points';
export const OUTAGE_REASON = 'Caused by a declared major outage: the network, not the agent, missed the deadline (no penalty)';
export const LATE_REASON = 'Judged late, from a backfill or late record, not live: no penalty';

/**
 * The ledger entries a piece of evidence earns under a scheme (MANUAL 5.4): one per etiquette
 * deduction, one per breach (zero points, with the reason, when it was caused by an outage, judged
 * late or has no agent), one per survey scored 5, 2 or 1 (3 and 4 earn nothing, so no entry).
 */
export function applyScheme(
  tenantId: string,
  evidence: Evidence,
  who: Attribution,
  { version, scheme }: VersionedScheme,
  newId: () => string,
): NewLedgerEntry[] {
  const base = {
    tenantId,
    agentId: who.agentId,
    team: who.team,
    kind: evidence.kind,
    subjectKey: subjectKeyOf(evidence),
    evidenceEventId: evidence.eventId,
    evidenceType: evidence.eventType,
    schemeVersion: version,
    occurredAt: evidence.at,
    period: periodOf(evidence.at),
    compensates: null,
  };
  const unattributed = who.agentId === null;
  const scored = (penaltyOrReward: number, reason: string | null) =>
    unattributed ? { points: 0, reason: NO_AGENT_REASON } : { points: penaltyOrReward, reason };
  switch (evidence.kind) {
    case 'etiquette':
      return evidence.deductions.map((d, index) => ({
        ...base,
        id: newId(),
        rule: `etiquette:${index}:${d.rule}`,
        standardId: d.standardId,
        version: d.version,
        clause: d.clause,
        ...scored(-scheme.etiquette.penaltyPerDeduction, null),
      }));
    case 'breach': {
      const penalty = -(scheme.breaches[evidence.slaKind as keyof typeof scheme.breaches] ?? 0);
      const exempt = evidence.causedByOutage ? OUTAGE_REASON : evidence.late ? LATE_REASON : null;
      return [
        {
          ...base,
          id: newId(),
          rule: `breach:${evidence.slaKind}`,
          standardId: evidence.standardId,
          version: evidence.standardVersion,
          clause: evidence.clause ?? 'unstated',
          ...(exempt === null ? scored(penalty, null) : { points: 0, reason: exempt }),
        },
      ];
    }
    case 'survey': {
      const points = surveyPoints(evidence.score, scheme.surveys);
      if (points === null) return [];
      return [
        {
          ...base,
          id: newId(),
          rule: `survey:${evidence.score}`,
          standardId: SCHEME_STANDARD_ID,
          version: String(version),
          clause: SCHEME_CLAUSE,
          ...scored(points, null),
        },
      ];
    }
  }
}

function surveyPoints(score: number, surveys: VersionedScheme['scheme']['surveys']): number | null {
  if (score === 5) return surveys.rewardForFive;
  if (score === 2) return -surveys.penaltyForTwo;
  if (score === 1) return -surveys.penaltyForOne;
  return null;
}

/** The points an entry's rule earns under a scheme, for an agent: what re-attribution gives it. */
export function pointsOfRule(rule: string, { scheme }: VersionedScheme): number {
  const [kind, detail] = rule.split(':');
  if (kind === 'etiquette') return -scheme.etiquette.penaltyPerDeduction;
  if (kind === 'breach') return -(scheme.breaches[detail as keyof typeof scheme.breaches] ?? 0);
  if (kind === 'survey') return surveyPoints(Number(detail), scheme.surveys) ?? 0;
  return 0;
}

/**
 * Evidence recorded before its contact's agent was known (an answer deadline breaches while the
 * customer still waits) counts for the agent once the answer names them: the unattributed entry is
 * reversed (0 points, so only its standing changes) and an entry for the agent takes its place, under
 * the scheme in force now, evidenced by the same event with the rule marked `+attributed`.
 */
export function attributeLater(
  entry: NewLedgerEntry,
  who: { agentId: string; team: string | null },
  scheme: VersionedScheme,
  by: { eventId: string; eventType: string; at: Date },
  newId: () => string,
): NewLedgerEntry[] {
  if (entry.agentId !== null || entry.reason !== NO_AGENT_REASON) return [];
  return [
    compensationOf(entry, { id: newId(), evidenceEventId: by.eventId, evidenceType: by.eventType, reason: `Attributed to agent ${who.agentId}`, occurredAt: by.at }),
    {
      ...entry,
      id: newId(),
      agentId: who.agentId,
      team: who.team,
      rule: `${entry.rule}+attributed`,
      points: pointsOfRule(entry.rule, scheme),
      reason: null,
      schemeVersion: scheme.version,
    },
  ];
}
