import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import type { ContactFact } from './contact-facts';

/** The events quality's KPIs are made of (the `quality.kpis` queue). */
export type KpiEventType = EventTypesMatching<'contact.*'> | 'survey.completed' | 'complaint.filed' | 'sla.breached' | 'sla.withdrawn';
export type KpiEvent = KnownCloudEvent<KpiEventType>;

/** A fact about one contact of one tenant. */
export interface FactAboutContact {
  tenantId: string;
  contactId: string;
  fact: ContactFact;
}

const ms = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : Math.round(seconds * 1000));

interface HandleFigures {
  handleSeconds?: number;
  talkSeconds?: number;
  holdSeconds?: number;
  afterContactWorkSeconds?: number;
}

/**
 * The platform's handle time: its total, else talk + hold + after-contact work when it gave the
 * work. Talk and hold alone are kept apart (`talkHoldMs`): the work may come with `contact.completed`.
 */
function handleOf(data: HandleFigures): { handleMs?: number; talkHoldMs?: number } {
  if (data.handleSeconds !== undefined) return { handleMs: ms(data.handleSeconds) };
  const talkHold = [data.talkSeconds, data.holdSeconds].filter((part) => part !== undefined);
  const sum = (parts: number[]) => ms(parts.reduce((total, part) => total + part, 0));
  if (data.afterContactWorkSeconds !== undefined) return { handleMs: sum([...talkHold, data.afterContactWorkSeconds]) };
  return talkHold.length === 0 ? {} : { talkHoldMs: sum(talkHold) };
}

/** Drops the keys whose value is undefined, so facts compare and serialise the same however they were built. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The fact an event states about a contact, or none: a survey or complaint naming no contact, and
 * SLA verdicts other than a contact's answer deadline, are not contact KPIs.
 */
export function contactFactOf(event: KpiEvent): FactAboutContact | undefined {
  const stamp = { at: new Date(event.time).getTime(), eventId: event.id };
  const about = (contactId: string, fact: ContactFact): FactAboutContact => ({ tenantId: event.tenantid, contactId, fact: defined(fact) });
  switch (event.type) {
    case 'contact.queued':
      return about(event.data.contactId, {
        kind: 'queued',
        ...stamp,
        queue: event.data.queue,
        direction: event.data.direction,
        customerId: event.data.customer?.id,
        region: event.data.region,
      });
    case 'contact.answered': {
      const { contactId, agentId, team, queue, waitSeconds } = event.data;
      return about(contactId, { kind: 'answered', ...stamp, agentId, team, queue, waitMs: ms(waitSeconds) });
    }
    case 'contact.abandoned':
      return about(event.data.contactId, { kind: 'abandoned', ...stamp, queue: event.data.queue, waitMs: ms(event.data.waitSeconds) });
    case 'contact.transferred':
      return about(event.data.contactId, { kind: 'transferred', ...stamp });
    case 'contact.ended': {
      const { contactId, queue, agentId, team, afterContactWorkSeconds, queueOutcome } = event.data;
      return about(contactId, { kind: 'ended', ...stamp, queue, agentId, team, ...handleOf(event.data), afterContactWorkMs: ms(afterContactWorkSeconds), queueOutcome });
    }
    case 'contact.completed': {
      const { contactId, queue, agentId, team, afterContactWorkSeconds } = event.data;
      return about(contactId, { kind: 'completed', ...stamp, queue, agentId, team, afterContactWorkMs: ms(afterContactWorkSeconds) });
    }
    case 'survey.completed':
      return event.data.contactId === undefined ? undefined : about(event.data.contactId, { kind: 'surveyed', ...stamp, score: event.data.score });
    case 'complaint.filed':
      return event.data.contactId === undefined ? undefined : about(event.data.contactId, { kind: 'complained', complaintId: event.data.complaintId });
    case 'sla.breached':
      if (event.data.subjectType !== 'contact' || event.data.slaKind !== 'answer') return undefined;
      return about(event.data.subjectId, { kind: 'breached', ...stamp, causedByOutage: event.data.causedByOutage === true });
    case 'sla.withdrawn':
      if (event.data.subjectType !== 'contact' || event.data.slaKind !== 'answer' || event.data.withdraws !== 'sla.breached') return undefined;
      return about(event.data.subjectId, { kind: 'breach-withdrawn' });
  }
}
