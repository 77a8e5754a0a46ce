import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { actor, identifier, label, nonNegativeInt, text } from '../fields';

/**
 * DESIGN decision 13: each state-changing route of every service publishes this through its outbox,
 * in the transaction of the change; security appends it to the tenant's hash chain.
 */
export const auditRecorded = defineEvent({
  type: 'audit.recorded',
  version: '1',
  description: 'Someone changed something through a Hotline API: who, what, on which subject, before and after.',
  publishedBy: 'any service',
  data: z.looseObject({
    actor: actor(),
    /** What was done, `<area>.<verb>`, e.g. `case.transition`, `api_key.revoke`. */
    action: label(),
    subject: z.looseObject({ type: label(), id: identifier() }),
    /** Short summaries of the state before and after (never secrets or unmasked personal data). */
    before: z.record(z.string().max(200), z.unknown()).optional(),
    after: z.record(z.string().max(200), z.unknown()).optional(),
    summary: text().optional(),
    /** On a read or export (`<area>.read`, `<area>.export`): how many customer records it returned (bulk-read detection). */
    records: nonNegativeInt().optional(),
    /** The service whose route made the change. */
    service: label(),
  }),
});
