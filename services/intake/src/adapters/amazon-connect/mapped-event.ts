import { validateIncomingEvent } from '@hotline/contracts';
import type { RecordError } from './record-reader';

/** A platform event as POST /v1/events takes it, built by an adapter from the platform's record. */
export interface MappedEvent {
  id: string;
  source: string;
  type: string;
  time: string;
  data: Record<string, unknown>;
}

export const AMAZON_CONNECT_SOURCE = '/amazon-connect';

/** Event ids are the contact id and the milestone: the same record always yields the same ids. */
export function eventId(contactId: string, milestone: string): string {
  return `amazon-connect:${contactId}:${milestone}`;
}

/** Drops the optional fields the record had no value for. */
export function compact<T extends Record<string, unknown>>(data: T): T {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as T;
}

/**
 * Checks a mapped event against the catalogue, so a value the catalogue refuses (a queue name too
 * long, say) is reported on the platform field it came from, with the record's index, rather than
 * as an error in an event the client never sent. `fieldOf` names that field for an event path.
 */
export function catalogueErrors(event: MappedEvent, index: number, fieldOf: (eventPath: string) => string | undefined): RecordError[] {
  const result = validateIncomingEvent(event);
  if (result.ok) return [];
  return result.errors.map((issue) => ({
    index,
    path: fieldOf(issue.path) ?? '',
    message: `${issue.message} (as ${issue.path} of the ${event.type} event mapped from this record)`,
  }));
}
