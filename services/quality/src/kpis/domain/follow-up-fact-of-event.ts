import type { KnownCloudEvent } from '@hotline/contracts';
import type { FollowUpFact } from './follow-up-facts';

/** The events a case's follow-up KPI is made of (on the `quality.kpis` queue). */
export type FollowUpEventType = 'sla.stopped' | 'sla.breached' | 'sla.withdrawn' | 'case.assigned';
export type FollowUpEvent = KnownCloudEvent<FollowUpEventType>;

/** A fact about one case of one tenant. */
export interface FactAboutCase {
  tenantId: string;
  caseId: string;
  fact: FollowUpFact;
}

/**
 * The fact an event states about a case's follow-up, or none: SLA verdicts of other clocks (and a
 * withdrawn warning) are not follow-ups, and an assignment naming neither agent nor queue says nothing.
 */
export function followUpFactOf(event: FollowUpEvent): FactAboutCase | undefined {
  const about = (caseId: string, fact: FollowUpFact): FactAboutCase => ({ tenantId: event.tenantid, caseId, fact });
  if (event.type === 'case.assigned') {
    const { caseId, agentId, queue, assignedAt } = event.data;
    if (agentId === undefined && queue === undefined) return undefined;
    return about(caseId, { kind: 'assigned', eventId: event.id, at: Date.parse(assignedAt), ...(agentId && { agentId }), ...(queue && { queue }) });
  }
  const data = event.data;
  if (data.subjectType !== 'case' || data.slaKind !== 'follow_up') return undefined;
  if (event.type === 'sla.withdrawn' && event.data.withdraws !== 'sla.breached') return undefined;
  return about(data.subjectId, {
    kind: 'verdict',
    type: event.type,
    eventId: event.id,
    startedAt: Date.parse(data.startedAt),
    standardVersion: data.standardVersion,
    ...(event.type === 'sla.stopped' && { outcome: event.data.outcome }),
  });
}
