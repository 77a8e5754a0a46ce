import { type AuditedChange, auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import { CorrelationContext } from '@hotline/messaging';

/** Who made an admin change, as audited: a request's is `actorOf` its principal (`@hotline/platform`). */
export type AdminActor = AuditedChange['actor'];

/** A change made through intake's admin API, for the tenant it concerns (an operator acting on T audits under T). */
export type AdminChange = Omit<AuditedChange, 'service' | 'correlationId'>;

/** `audit.recorded` for an admin change (DESIGN decision 13), for the outbox in the change's transaction. */
export function adminAuditEvent(change: AdminChange): CloudEvent {
  return auditRecordedEvent({ ...change, service: 'intake', correlationId: CorrelationContext.current()?.correlationId });
}
