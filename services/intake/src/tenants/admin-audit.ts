import { type AuditedChange, auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';
import type { Principal } from '@hotline/platform';

/** Who made an admin change, as audited: the JWT's subject and roles (an API key by its id). */
export type AdminActor = AuditedChange['actor'];

export function adminActorOf(principal: Principal): AdminActor {
  return principal.kind === 'jwt' ? { id: principal.subject, kind: 'user', roles: principal.roles } : { id: principal.keyId, kind: 'api_key', roles: [] };
}

/** A change made through intake's admin API, for the tenant it concerns (an operator acting on T audits under T). */
export type AdminChange = Omit<AuditedChange, 'service' | 'correlationId'>;

/** `audit.recorded` for an admin change (DESIGN decision 13), for the outbox in the change's transaction. */
export function adminAuditEvent(change: AdminChange): CloudEvent {
  return auditRecordedEvent({ ...change, service: 'intake', correlationId: CorrelationContext.current()?.correlationId });
}
