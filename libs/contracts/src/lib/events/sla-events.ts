import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, standardId, standardVersion, timestamp } from '../fields';

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
};

export const slaWarned = defineEvent({
  type: 'sla.warned',
  version: '1',
  description: 'A deadline is close and the work is not done yet.',
  publishedBy: 'dispatch',
  data: z.looseObject({ ...slaFields }),
});

export const slaBreached = defineEvent({
  type: 'sla.breached',
  version: '1',
  description: 'A deadline passed with the work not done.',
  publishedBy: 'dispatch',
  data: z.looseObject({ ...slaFields, breachedAt: timestamp().optional() }),
});
