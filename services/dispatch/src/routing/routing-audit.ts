import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';
import type { CaseActor } from '../cases/domain/service-case';

export interface RoutingChange {
  tenantId: string;
  actor: CaseActor;
  /** `<area>.<verb>`, e.g. `agent.put`, `case.reassign`. */
  action: string;
  subject: { type: string; id: string };
  /** A short summary of the state after the change (never free text from the request). */
  after: Record<string, unknown>;
  summary: string;
}

/** `audit.recorded` for a change made through routing's API (DESIGN decision 13), to the outbox in the change's transaction. */
export function routingAudit({ tenantId, actor, action, subject, after, summary }: RoutingChange): CloudEvent {
  return newCloudEvent({
    type: 'audit.recorded',
    source: '/hotline/dispatch',
    tenantId,
    correlationId: CorrelationContext.current()?.correlationId,
    subject: subject.id,
    data: { actor, action, subject, after, summary, service: 'dispatch' },
  });
}
