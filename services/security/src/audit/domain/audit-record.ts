import { createHash } from 'node:crypto';

/** What the audit trail records about one event; the chain hash covers exactly these fields. */
export interface AuditRecord {
  tenantId: string;
  eventId: string;
  type: string;
  source: string;
  /** The event's `time`, kept as the exact text received because the hash covers it. */
  occurredAt: string;
  /** SHA-256 of the event as received, so the trail proves what was seen without copying it. */
  payloadDigest: string;
  /** Who acted (a user, an agent), where the event says. */
  actor: string | null;
  /** What was acted on (a contact, case, fault…), where the event's data says (never the envelope's `subject`). */
  subject: string | null;
}

/** The parts of a CloudEvent the trail reads. */
export interface AuditedEvent {
  id: string;
  type: string;
  source: string;
  time: string;
  tenantid: string;
  data?: unknown;
}

/** Longest actor or subject kept: they are search keys, not documents. */
const MAX_PARTY_LENGTH = 200;

/**
 * The subject is the record the event is about: `audit.recorded` names it (`subject`), other
 * events carry their primary id. Listed most specific first, since a case event names its contact too.
 */
const SUBJECT_FIELDS = ['subject', 'incidentId', 'caseId', 'complaintId', 'faultId', 'alertId', 'contactId', 'subjectId', 'customerId', 'agentId'];
/** The actor: `audit.recorded` names it (`actor`); otherwise the agent the event is about, if any. */
const ACTOR_FIELDS = ['actor', 'agentId'];

export function auditRecordOf(event: AuditedEvent): AuditRecord {
  const data = isObject(event.data) ? event.data : {};
  return {
    tenantId: event.tenantid,
    eventId: event.id,
    type: event.type,
    source: event.source,
    occurredAt: event.time,
    payloadDigest: digestPayload(event),
    actor: firstParty(data, ACTOR_FIELDS),
    subject: firstParty(data, SUBJECT_FIELDS),
  };
}

export function digestPayload(payload: unknown): string {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

/** A party is named by a non-empty string, or by an object with a string `id` (`{ id, kind }`). */
function firstParty(data: Record<string, unknown>, fields: readonly string[]): string | null {
  for (const field of fields) {
    const value = data[field];
    const id = typeof value === 'string' ? value : isObject(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
    if (id && id.length > 0) return id.slice(0, MAX_PARTY_LENGTH);
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
