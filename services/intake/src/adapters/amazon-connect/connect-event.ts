export const AMAZON_CONNECT_SOURCE = '/amazon-connect';

/** Event ids are the contact id and the milestone: the same record always yields the same ids. */
export function eventId(contactId: string, milestone: string): string {
  return `amazon-connect:${contactId}:${milestone}`;
}

/** Envelope of a contact's milestone event: its id, source and the record's own time for it. */
export function envelope(contactId: string, milestone: string, time: string): { id: string; source: string; time: string } {
  return { id: eventId(contactId, milestone), source: AMAZON_CONNECT_SOURCE, time };
}
