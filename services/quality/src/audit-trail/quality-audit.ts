import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';
import type { Principal } from '@hotline/platform';

/** Who acted, as audited: the JWT's subject and roles (the contract keeps up to 20 roles). */
export type AuditActor = { id: string; kind: 'user' | 'api_key'; roles: string[] };

export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'jwt' ? { id: principal.subject, kind: 'user', roles: principal.roles.slice(0, 20) } : { id: principal.keyId, kind: 'api_key', roles: [] };
}

export interface QualityChange {
  tenantId: string;
  actor: AuditActor;
  /** `<area>.<verb>`, e.g. `dispute.rule`. */
  action: string;
  subject: { type: string; id: string };
  /** Short summaries, never free text from the request (a note may hold personal data). */
  before?: Record<string, unknown>;
  after: Record<string, unknown>;
  summary: string;
  at: Date;
}

/** `audit.recorded` for a change made through quality's API (DESIGN decision 13), for the outbox in the change's transaction. */
export function qualityAudit({ tenantId, actor, action, subject, before, after, summary, at }: QualityChange): CloudEvent {
  return newCloudEvent({
    type: 'audit.recorded',
    source: '/hotline/quality',
    tenantId,
    correlationId: CorrelationContext.current()?.correlationId,
    subject: subject.id,
    time: at.toISOString(),
    data: { actor, action, subject, ...(before ? { before } : {}), after, summary, service: 'quality' },
  });
}
