import { z } from 'zod';
import { caseStage } from '@hotline/contracts';
import type { TimelineRow } from './service-case.repository';

const timestamp = z.iso.datetime();

const eventItem = z.object({
  kind: z.literal('event'),
  at: timestamp.describe('When it happened at the platform (the event’s time)'),
  eventId: z.string(),
  eventType: z.string().describe('case.opened, fault.reported or complaint.filed'),
});

const transitionItem = z.object({
  kind: z.literal('transition'),
  at: timestamp,
  from: caseStage,
  to: caseStage,
  actor: z.object({ id: z.string(), kind: z.enum(['user', 'api_key', 'service']), roles: z.array(z.string()) }),
  reason: z.string(),
  version: z.number().int().min(2).describe('The case version this transition produced'),
});

/**
 * `GET /v1/cases/:caseId/timeline`: what happened to the case, oldest first. Items are told apart
 * by `kind`; SLA clock items (`kind: 'clock'`: started, paused, warned, breached, stopped, with the
 * standard applied) join when the SLA engine lands, so clients skip kinds they do not know.
 */
export const caseTimelineSchema = z.object({
  items: z.array(z.discriminatedUnion('kind', [eventItem, transitionItem])),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export type CaseTimelineItem = z.output<typeof caseTimelineSchema>['items'][number];

export function toTimelineItem(row: TimelineRow): CaseTimelineItem {
  if (row.kind === 'event') return { kind: 'event', at: row.at.toISOString(), eventId: row.eventId, eventType: row.eventType };
  const { from, to, actor, reason, version } = row.transition;
  return { kind: 'transition', at: row.at.toISOString(), from, to, actor, reason, version };
}
