import type { KnownCloudEvent } from '@hotline/contracts';
import type { CaseFact } from './case-deadline-facts';

/** The events a case's deadline KPIs (follow-up completion among them) are made of (on the `quality.kpis` queue). */
export type CaseEventType = 'sla.stopped' | 'sla.breached' | 'sla.withdrawn' | 'case.assigned';
export type CaseEvent = KnownCloudEvent<CaseEventType>;

/** A fact about one case of one tenant. */
export interface FactAboutCase {
  tenantId: string;
  caseId: string;
  fact: CaseFact;
}

/**
 * The fact an event states about a case's deadlines, or none: verdicts on other subjects (contacts'
 * answers, complaints, incidents) and a withdrawn warning are not case deadlines, and an assignment
 * naming neither agent nor queue says nothing.
 */
export function caseFactOf(event: CaseEvent): FactAboutCase | undefined {
  const about = (caseId: string, fact: CaseFact): FactAboutCase => ({ tenantId: event.tenantid, caseId, fact });
  if (event.type === 'case.assigned') {
    const { caseId, agentId, queue, assignedAt } = event.data;
    if (agentId === undefined && queue === undefined) return undefined;
    return about(caseId, { kind: 'assigned', eventId: event.id, at: Date.parse(assignedAt), ...(agentId && { agentId }), ...(queue && { queue }) });
  }
  const data = event.data;
  if (data.subjectType !== 'case' || data.slaKind === 'answer') return undefined;
  if (event.type === 'sla.withdrawn' && event.data.withdraws !== 'sla.breached') return undefined;
  return about(data.subjectId, {
    kind: 'verdict',
    type: event.type,
    slaKind: data.slaKind,
    eventId: event.id,
    startedAt: Date.parse(data.startedAt),
    standardVersion: data.standardVersion,
    ...(event.type === 'sla.stopped' && { outcome: event.data.outcome }),
    ...(data.causedByOutage === true && { causedByOutage: true }),
  });
}
