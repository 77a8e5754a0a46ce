import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, nonNegativeInt, text, redactions } from '../fields';

export const faultReported = defineEvent({
  type: 'fault.reported',
  version: '1',
  description: 'A network or equipment fault was reported in a region (MANUAL.md 2.2: respond within 15 minutes).',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    faultId: identifier(),
    kind: z.enum(['network', 'equipment']),
    severity: z.enum(['minor', 'major', 'critical']),
    region: label(),
    description: text().min(1),
    affectedCustomers: nonNegativeInt().optional(),
  }),
});
