import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, priority, standardId, standardVersion, text, timestamp } from '../fields';

/** What a deadline is about. */
export const slaSubjectType = z.enum(['contact', 'case', 'complaint', 'incident']);

/** Which deadline of the manual it is (answer within 30 s, respond to a fault within 15 min, …). */
export const slaKind = z.enum(['answer', 'response', 'resolution', 'record', 'follow_up', 'complaint_reply', 'repair']);

const slaFields = {
  subjectType: slaSubjectType,
  subjectId: identifier(),
  slaKind,
  startedAt: timestamp(),
  deadline: timestamp(),
  standardId: standardId(),
  standardVersion: standardVersion(),
  /** The manual's clause the deadline comes from, e.g. '2.1' (DESIGN decision 11: every verdict names it). */
  clause: label().optional(),
  /**
   * The deadline had already passed when its events reached Hotline (a late record, a backfill):
   * judged from event times at once, for reports, never paged as live.
   */
  late: z.boolean().optional(),
  /** The subject belongs to a declared major outage: the network, not the agent, caused it. */
  causedByOutage: z.boolean().optional(),
  /** The subject's region, when the publisher knows it (a case's `region`): compliance is reported per region. */
  region: label().optional(),
  /** The case's priority when the clock's event is published (contacts have none): alert rules filter breaches by it. */
  priority: priority().optional(),
};

export const slaWarned = defineEvent({
  type: 'sla.warned',
  version: '1',
  description: 'A deadline is close and the work is not done yet.',
  publishedBy: 'dispatch',
  data: z.looseObject({
    ...slaFields,
    /** The fraction of the budget gone when it warns, e.g. 0.5 at half time (the tenant's `warnAt` point). */
    fraction: z.number().gt(0).lt(1).optional(),
  }),
});

export const slaBreached = defineEvent({
  type: 'sla.breached',
  version: '1',
  description: 'A deadline passed with the work not done.',
  publishedBy: 'dispatch',
  data: z.looseObject({ ...slaFields, breachedAt: timestamp().optional() }),
});

export const slaWithdrawn = defineEvent({
  type: 'sla.withdrawn',
  version: '1',
  description:
    'A correction: an earlier sla.warned or sla.breached no longer holds, because an event that arrived late ' +
    '(e.g. an answer with a time before the deadline) shows the work was done in time (DESIGN decision 12).',
  publishedBy: 'dispatch',
  data: z.looseObject({
    ...slaFields,
    /** Which verdict is withdrawn. */
    withdraws: z.enum(['sla.warned', 'sla.breached']),
    /** Why, e.g. "answered at 2026-01-31T09:30:12Z, before the deadline". */
    reason: text().min(1),
  }),
});

export const slaStopped = defineEvent({
  type: 'sla.stopped',
  version: '1',
  description:
    'A clock stopped: the work was done, in time (`outcome: met`) or after its deadline (`breached`), so compliance ' +
    'reports can count what was met as well as what was breached. Published once per clock run; an `sla.withdrawn` ' +
    'of the run\'s breach may follow when a late input moves the stop.',
  publishedBy: 'dispatch',
  data: z.looseObject({
    ...slaFields,
    outcome: z.enum(['met', 'breached']),
    stoppedAt: timestamp(),
    /** The time the clock counted until it stopped (business time, pauses left out), in whole seconds. */
    countedSeconds: z.number().int().min(0).optional(),
  }),
});
