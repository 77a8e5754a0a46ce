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
