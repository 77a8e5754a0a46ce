import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { actor, identifier, label, priority, standardId, standardVersion, text, timestamp, redactions } from '../fields';

export const caseType = z.enum([
  'consultation',
  'service_request',
  'billing',
  'complaint',
  'network_fault',
  'equipment_fault',
]);

/**
 * The manual's stages of a service case (MANUAL.md ch. 2): consultation → acceptance → handling →
 * follow-up → evaluation → closed, plus reopened and cancelled. Escalation is a flag, not a stage.
 */
export const caseStage = z.enum([
  'consultation',
  'acceptance',
  'handling',
  'follow_up',
  'evaluation',
  'closed',
  'reopened',
  'cancelled',
]);

export const caseOpened = defineEvent({
  type: 'case.opened',
  version: '1',
  description: 'A service case was opened on the platform (consultation, request, fault, …).',
  publishedBy: 'platform',
  data: z.looseObject({
    redactions: redactions(),
    caseId: identifier(),
    type: caseType,
    priority: priority(),
    summary: text().min(1),
    region: label().optional(),
    customerId: identifier().optional(),
    contactId: identifier().optional(),
  }),
});

export const caseAssigned = defineEvent({
  type: 'case.assigned',
  version: '1',
  description: 'Dispatch gave a case an owner: an agent, a queue, or both.',
  publishedBy: 'dispatch',
  data: z.looseObject({
    caseId: identifier(),
    agentId: identifier().optional(),
    queue: label().optional(),
    assignedAt: timestamp(),
  }),
});

export const caseEscalated = defineEvent({
  type: 'case.escalated',
  version: '1',
  description: 'Dispatch escalated a case to the given level under a standard.',
  publishedBy: 'dispatch',
  data: z.looseObject({
    caseId: identifier(),
    level: z.number().int().min(1),
    reason: text().min(1),
    standardId: standardId(),
    standardVersion: standardVersion(),
    /** Escalated for a breach that was already late when it arrived: a record for reports, never paged live. */
    late: z.boolean().optional(),
  }),
});

export const caseResolved = defineEvent({
  type: 'case.resolved',
  version: '1',
  description: 'A case was resolved; its follow-up (return visit) clock starts.',
  publishedBy: 'dispatch',
  data: z.looseObject({
    caseId: identifier(),
    resolvedAt: timestamp(),
    resolution: text().optional(),
  }),
});

export const caseTransitioned = defineEvent({
  type: 'case.transitioned',
  version: '1',
  description: 'A case moved from one stage to another, by whom, when and why.',
  publishedBy: 'dispatch',
  data: z.looseObject({
    caseId: identifier(),
    from: caseStage,
    to: caseStage,
    actor: actor(),
    reason: text().optional(),
    transitionedAt: timestamp(),
  }),
});

export const casePriorityChanged = defineEvent({
  type: 'case.priority_changed',
  version: '1',
  description: "A case's priority changed, by whom, when and why; its SLA clocks re-budget from then, keeping elapsed and paused time.",
  publishedBy: 'dispatch',
  data: z.looseObject({
    caseId: identifier(),
    from: priority(),
    to: priority(),
    actor: actor(),
    reason: text().optional(),
    changedAt: timestamp(),
  }),
});
