import { type EventDataInput } from './catalogue';
import { newCloudEvent } from './cloud-event-factory';
import type { KnownCloudEvent } from './validation';

type AuditData = EventDataInput<'audit.recorded'>;

/** One change (or read) made through a service's API, as `audit.recorded` records it (DESIGN decision 13). */
export interface AuditedChange {
  /** The service whose route acted; the event's source is `/hotline/<service>`. */
  service: string;
  /** The tenant the change concerns (a platform operator acting on tenant T audits under T). */
  tenantId: string;
  actor: AuditData['actor'];
  /** `<area>.<verb>`, e.g. `api_key.revoke`. */
  action: string;
  subject: { type: string; id: string };
  /** Short summaries, never secrets or free text from the request. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  summary?: string;
  records?: number;
  correlationId?: string;
  /** The event this change reacts to (e.g. the `sla.breached` an escalation answered). */
  causationId?: string;
  /** The envelope's subject where it is not the data's subject (a complaint's case, an evidence's incident); defaults to `subject.id`. */
  envelopeSubject?: string;
  /** When it happened; defaults to now. */
  time?: string | Date;
  /** A deterministic id where the publisher needs one (e.g. to find the entry again); defaults to a new UUID. */
  id?: string;
}

/** Builds the `audit.recorded` a service adds to its outbox in the change's transaction. */
export function auditRecordedEvent(change: AuditedChange): KnownCloudEvent<'audit.recorded'> {
  const { service, tenantId, actor, action, subject, before, after, summary, records, correlationId, causationId, envelopeSubject, time, id } = change;
  return newCloudEvent({
    type: 'audit.recorded',
    source: `/hotline/${service}`,
    tenantId,
    correlationId,
    causationId,
    subject: envelopeSubject ?? subject.id,
    time,
    id,
    data: {
      actor: { ...actor, ...(actor.roles ? { roles: actor.roles.slice(0, 20) } : {}) },
      action,
      subject,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      ...(summary !== undefined ? { summary } : {}),
      ...(records !== undefined ? { records } : {}),
      service,
    },
  });
}
