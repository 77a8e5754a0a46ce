import type { Attribution, Evidence } from './evidence';
import { subjectKeyOf } from './evidence';
import { type NewLedgerEntry, periodOf } from './ledger-entry';
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
