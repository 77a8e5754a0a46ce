import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, text, redactions } from '../fields';

export const complaintFiled = defineEvent({
  type: 'complaint.filed',
  version: '1',
  description: 'A customer filed a complaint (MANUAL.md ch. 6); the reply deadline starts.',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    complaintId: identifier(),
    category: label(),
    description: text().min(1),
    customerId: identifier().optional(),
    contactId: identifier().optional(),
    /** Free text: complaints also arrive by letter, regulator, in person, … */
    channel: label().optional(),
  }),
});
