import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, nonNegativeInt, priority, text, redactions, timestamp } from '../fields';

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

export const incidentTransitioned = defineEvent({
  type: 'incident.transitioned',
  version: '1',
  description: 'An incident moved along open → triaged → contained → resolved → closed (MANUAL.md 7.3).',
  publishedBy: 'security',
  data: z.looseObject({
    incidentId: identifier(),
    kind: label(),
    severity: priority(),
    from: label(),
    to: label(),
  }),
});

export const incidentEscalated = defineEvent({
  type: 'incident.escalated',
  version: '1',
  description: "A step of an incident's response plan fell due undone: the step is late and the incident's escalation level rose.",
  publishedBy: 'security',
  data: z.looseObject({
    incidentId: identifier(),
    kind: label(),
    severity: priority(),
    stepId: identifier(),
    /** The role that owns the late step. */
    ownerRole: label(),
    dueAt: timestamp(),
    /** 1 for the first late step, one more for each after it. */
    escalationLevel: nonNegativeInt(),
    /** Fired well after its due time, e.g. it fell due while security was down. */
    late: z.boolean(),
    /** The standard the deadline came from, when a standard set it (a personal-data leak's report). */
    standardId: label().optional(),
    standardVersion: label().optional(),
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
