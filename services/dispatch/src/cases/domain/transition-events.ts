import { auditRecordedEvent, type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { CaseTransition } from './service-case';

export const DISPATCH_SOURCE = '/hotline/dispatch';

/**
 * What one transition publishes, all through the outbox in the transaction of the change:
 * `case.transitioned`; `case.resolved` for the resolution (the return call is due from then); and
 * `audit.recorded` (DESIGN decision 13), whose summary names the stages, never the free-text reason.
 */
export function transitionEvents(tenantId: string, transition: CaseTransition, correlationId?: string): CloudEvent[] {
  const { caseId, from, to, actor, reason, at } = transition;
  const common = { source: DISPATCH_SOURCE, tenantId, correlationId, subject: caseId, time: at };
  const events: CloudEvent[] = [
    newCloudEvent({ ...common, type: 'case.transitioned', data: { caseId, from, to, actor, reason, transitionedAt: at.toISOString() } }),
  ];
  if (transition.resolves) {
    events.push(newCloudEvent({ ...common, type: 'case.resolved', data: { caseId, resolvedAt: at.toISOString(), resolution: reason } }));
  }
  events.push(
    auditRecordedEvent({
      service: 'dispatch',
      tenantId,
      correlationId,
      time: at,
      actor,
      action: 'case.transition',
      subject: { type: 'case', id: caseId },
      before: { stage: from },
      after: { stage: to },
      summary: `case ${from} → ${to}`,
    }),
  );
  return events;
}
