/** A valid contact.queued event as a platform posts it to /v1/events (no specversion: intake fills it in). */
export const queued = (id: string) => ({
  id,
  source: '/amazon-connect/acme',
  type: 'contact.queued',
  time: '2026-11-25T09:30:00+08:00',
  data: { contactId: `contact-${id}`, channel: 'voice', queue: 'billing', direction: 'inbound' },
});
