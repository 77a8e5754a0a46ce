import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';
import type { Principal } from '@hotline/platform';
import { QUALITY_SOURCE } from './alerts-clock';
import type { AlertActor } from './domain/alert';

/** The person behind a request, as alerts and their audit records name them. */
export function actorOf(principal: Principal): AlertActor {
  return principal.kind === 'jwt' ? { id: principal.subject, kind: 'user', roles: [...principal.roles] } : { id: principal.keyId, kind: 'api_key' };
}

/** `audit.recorded` for a change made through the alerts' routes (DESIGN decision 13). */
export function auditEvent(
  tenantId: string,
  actor: AlertActor,
  action: string,
  subject: { type: string; id: string },
  change: { before?: Record<string, unknown>; after?: Record<string, unknown>; summary: string },
): CloudEvent {
  return newCloudEvent({
    type: 'audit.recorded',
    source: QUALITY_SOURCE,
    tenantId,
    subject: subject.id,
    correlationId: CorrelationContext.current()?.correlationId,
    data: { actor: { ...actor }, action, subject, ...change, service: 'quality' },
  });
}
