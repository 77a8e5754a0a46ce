import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { actor, identifier, label, nonNegativeInt, standardId, standardVersion, text, timestamp } from '../fields';

export const alertSeverity = z.enum(['info', 'warning', 'critical']);

/** What changed on an open alert (or its group) that delivery may show or page on. */
export const alertChange = z.enum(['acknowledged', 'escalated', 'grouped', 'silenced', 'unsilenced']);

/** Fields quality adds to raised/resolved since v1; all optional, so older consumers are untouched. */
const alertDetail = {
  /** The tenant's alert rule that fired, and the scope it judged (e.g. `queue:billing`, `tenant`). */
  ruleId: label().optional(),
  scope: label().optional(),
  /** Alerts with the same group key are one page: the first raises, the others attach (`alert.updated` grouped). */
  groupKey: label().optional(),
  /** What was measured against what, over which window (seconds). */
  value: z.number().optional(),
  threshold: z.number().optional(),
  windowSeconds: nonNegativeInt().optional(),
  /** When the condition became true (the first evaluation that found it). */
  startsAt: timestamp().optional(),
  /** The manual clause behind the target, when a standard set it. */
  clause: label().optional(),
  /** Raised under a silence: recorded, and delivery must not page (quality publishes no raised event then). */
  silenced: z.boolean().optional(),
};

export const alertRaised = defineEvent({
  type: 'alert.raised',
  version: '1',
  description: 'Quality raised a live alert for supervisors (MANUAL.md 5.2).',
  publishedBy: 'quality',
  data: z.looseObject({
    alertId: identifier(),
    kind: label(),
    severity: alertSeverity,
    summary: text().min(1),
    labels: z.record(z.string(), z.string()),
    standardId: standardId().optional(),
    standardVersion: standardVersion().optional(),
    ...alertDetail,
  }),
});

export const alertUpdated = defineEvent({
  type: 'alert.updated',
  version: '1',
  description:
    'An open alert changed: acknowledged, escalated to a new level, another scope attached to its group, ' +
    'silenced or unsilenced, or its condition seen again. `change` says which.',
  publishedBy: 'quality',
  data: z.looseObject({
    alertId: identifier(),
    change: alertChange,
    kind: label(),
    severity: alertSeverity,
    summary: text().min(1),
    labels: z.record(z.string(), z.string()),
    ruleId: label().optional(),
    groupKey: label().optional(),
    /** Escalation level after the change (0 until the first escalation). */
    escalationLevel: nonNegativeInt().optional(),
    /** How many alerts the group holds open, and the one that attached (change `grouped`). */
    groupSize: nonNegativeInt().optional(),
    attachedAlertId: identifier().optional(),
    /** Who made the change, for acknowledgements. */
    actor: actor().optional(),
    at: timestamp(),
  }),
});

export const alertResolved = defineEvent({
  type: 'alert.resolved',
  version: '1',
  description: 'An alert no longer holds.',
  publishedBy: 'quality',
  data: z.looseObject({
    alertId: identifier(),
    resolvedAt: timestamp(),
    ruleId: label().optional(),
    scope: label().optional(),
    groupKey: label().optional(),
    /** `auto` when the condition cleared for the rule's resolveAfter, `manual` when a person resolved it. */
    how: z.enum(['auto', 'manual']).optional(),
    actor: actor().optional(),
    labels: z.record(z.string(), z.string()).optional(),
  }),
});
