import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, priority, text, redactions } from '../fields';

export const securityReported = defineEvent({
  type: 'security.reported',
  version: '1',
  description: 'A platform reported a security or confidentiality concern (MANUAL.md ch. 7).',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    kind: label(),
    severity: priority(),
    description: text().min(1),
    actor: label().optional(),
  }),
});

export const incidentOpened = defineEvent({
  type: 'incident.opened',
  version: '1',
  description: 'Security opened an incident, run by a response plan when one applies (MANUAL.md 7.3).',
  publishedBy: 'security',
  data: z.looseObject({
    incidentId: identifier(),
    kind: label(),
    severity: priority(),
    summary: text().min(1),
    planId: identifier().optional(),
  }),
});

export const accessDeniedReason = z.enum(['missing_key', 'unknown_key', 'revoked_key', 'wrong_scope', 'bad_signature']);

export const accessDenied = defineEvent({
  type: 'access.denied',
  version: '1',
  description: 'Intake refused requests repeatedly for the same reason and origin.',
  publishedBy: 'intake',
  data: z.looseObject({
    reason: accessDeniedReason,
    keyPrefix: z.string().min(1).max(32).optional(),
    remoteAddress: z.string().min(1).max(100).optional(),
    route: label(),
    attempts: z.number().int().min(1),
  }),
});
