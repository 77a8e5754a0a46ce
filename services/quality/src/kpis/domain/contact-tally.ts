/** Per queue and day, how many contacts reached each point of their life (the raw KPI inputs). */
export type ContactMilestone = 'queued' | 'answered' | 'abandoned' | 'ended';

const MILESTONES: Record<string, ContactMilestone> = {
  'contact.queued': 'queued',
  'contact.answered': 'answered',
  'contact.abandoned': 'abandoned',
  'contact.ended': 'ended',
};

export function milestoneOf(eventType: string): ContactMilestone | undefined {
  return MILESTONES[eventType];
}

/** Contacts are tallied on the UTC day they happened, not the day the event arrived. */
export function tallyDay(occurredAt: string): string {
  return new Date(occurredAt).toISOString().slice(0, 10);
}

/** Contacts that name no queue (an `answered` may omit it) are tallied here. */
export const UNKNOWN_QUEUE = '(unknown)';

/** One queue's contact counts for a UTC day. */
export interface ContactTally {
  tenantId: string;
  queue: string;
  day: string;
  queued: number;
  answered: number;
  abandoned: number;
  ended: number;
}

/** What one contact event adds to the tallies: one to a milestone of a queue's day. */
export interface TallyIncrement {
  tenantId: string;
  queue: string;
  day: string;
  milestone: ContactMilestone;
}

/** The increment a contact event makes, or none (a transfer is no milestone). */
export function tallyIncrement(event: { type: string; time: string; tenantid: string; data: { readonly [field: string]: unknown } }): TallyIncrement | undefined {
  const milestone = milestoneOf(event.type);
  if (!milestone) return undefined;
  const named = event.data['queue'];
  const queue = typeof named === 'string' && named.length > 0 ? named : UNKNOWN_QUEUE;
  return { tenantId: event.tenantid, queue, day: tallyDay(event.time), milestone };
}
