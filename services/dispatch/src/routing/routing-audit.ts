import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';
import type { CaseActor } from '../cases/domain/service-case';

export interface RoutingChange {
  tenantId: string;
  actor: CaseActor;
  /** `<area>.<verb>`, e.g. `agent.put`, `case.reassign`. */
  action: string;
  subject: { type: string; id: string };
  /** Short summaries of the state before (where it matters) and after the change, never free text from the request. */
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
  summary: string;
}

/** `audit.recorded` for a change made through routing's API (DESIGN decision 13), to the outbox in the change's transaction. */
export function routingAudit({ tenantId, actor, action, subject, before, after, summary }: RoutingChange): CloudEvent {
  return auditRecordedEvent({ service: 'dispatch', tenantId, actor, action, subject, before, after, summary, correlationId: CorrelationContext.current()?.correlationId });
}
