import { z } from 'zod';
import { caseStage } from '@hotline/contracts';
import type { SlaTimelineEntry } from '../sla/domain';
import type { TimelineRow } from './service-case.repository';

const timestamp = z.iso.datetime();

const actorSchema = z.object({ id: z.string(), kind: z.enum(['user', 'api_key', 'service']), roles: z.array(z.string()) });

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
  actor: actorSchema,
  reason: z.string(),
  version: z.number().int().min(2).describe('The case version this transition produced'),
});

const fieldChange = z.object({ from: z.string().nullable(), to: z.string() });

const recordItem = z.object({
  kind: z.literal('record'),
  at: timestamp,
  actor: actorSchema,
  changes: z
    .object({ summary: fieldChange, region: fieldChange, customerId: fieldChange, category: fieldChange })
    .partial()
    .describe('Each field the change set, with its value before'),
  recordComplete: z.boolean().describe('Whether the record was complete after this change'),
  version: z.number().int().min(2).describe('The case version this change produced'),
});

const priorityItem = z.object({
  kind: z.literal('priority'),
  at: timestamp,
  from: z.string().describe('The priority before, P1–P4'),
  to: z.string().describe('The priority after; the case’s clocks re-budget from here'),
  actor: actorSchema,
  reason: z.string(),
  version: z.number().int().min(2).describe('The case version this change produced'),
});

const outageItem = z.object({
  kind: z.literal('outage'),
  at: timestamp,
  event: z.enum(['attached']).describe('attached: the case joined a declared outage as its child, to be resolved with it'),
  outageId: z.string().describe('The outage, whose parent case has the same id (`GET /v1/outages/:outageId`)'),
  region: z.string(),
  severity: z.enum(['major', 'critical']),
});

const escalationItem = z.object({
  kind: z.literal('escalation'),
  at: timestamp,
  event: z.enum(['raised', 'acknowledged', 'stopped']).describe('raised: a level of its chain was paged; acknowledged: someone took it on; stopped: the climb ended'),
  level: z.number().int().min(0),
  reason: z.string().describe('The breach or request that raised it, who acknowledged it, or what stopped it'),
  late: z.boolean().describe('Raised for the record by a late breach: nobody was paged'),
  actorId: z.string().nullable().describe('The person who acted; null when dispatch acted on a breach or a timeout'),
});

const clockItem = z.object({
  kind: z.literal('clock'),
  at: timestamp,
  event: z.enum(['sla.started', 'sla.paused', 'sla.resumed', 'sla.stopped', 'sla.reset', 'sla.rebudgeted', 'sla.warned', 'sla.breached']),
  policyId: z.string().describe('The clock, e.g. network-fault-response'),
  slaKind: z.string(),
  run: z.number().int().min(1).describe('1 for the first start; one more after each reset (a reopened case)'),
  standardId: z.string(),
  version: z.string().describe('The standards version applied, e.g. `acme:3@1`'),
  clause: z.string(),
  signal: z.string().optional().describe('What changed the clock: `opened`, `stage:handling`, `resolved`, …'),
  budgetMs: z.number().int().optional(),
  elapsedMs: z.number().int().optional().describe('Counted time of the run at that moment'),
  pausedMs: z.number().int().optional(),
  dueAt: timestamp.optional().describe('The due time as the clock saw it then'),
  inTime: z.boolean().optional().describe('sla.stopped: whether it stopped by the due time'),
  summary: z.string(),
});

/**
 * `GET /v1/cases/:caseId/timeline`: what happened to the case, oldest first. Items are told apart
 * by `kind` (event, transition, record — a change of its record —, priority — a change of its
 * priority —, outage — its attachment to a
 * declared outage —, escalation — each step of its chain —, and clock: each SLA clock's
 * start, pause, resume, warning, breach and stop with the standard applied and the signal that
 * caused it); clients skip kinds they do not know.
 */
export const caseTimelineSchema = z.object({
  items: z.array(z.discriminatedUnion('kind', [eventItem, transitionItem, recordItem, priorityItem, outageItem, escalationItem, clockItem])),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export type CaseTimelineItem = z.output<typeof caseTimelineSchema>['items'][number];

export function toClockItem(entry: SlaTimelineEntry): CaseTimelineItem {
  return { kind: 'clock', ...entry };
}

export function toTimelineItem(row: TimelineRow): CaseTimelineItem {
  if (row.kind === 'event') return { kind: 'event', at: row.at.toISOString(), eventId: row.eventId, eventType: row.eventType };
  if (row.kind === 'priority') {
    const { from, to, actor, reason, version } = row.change;
    return { kind: 'priority', at: row.at.toISOString(), from, to, actor, reason, version };
  }
  if (row.kind === 'record') {
    const { changes, actor, recordComplete, version } = row.change;
    return { kind: 'record', at: row.at.toISOString(), actor, changes, recordComplete, version };
  }
  const { from, to, actor, reason, version } = row.transition;
  return { kind: 'transition', at: row.at.toISOString(), from, to, actor, reason, version };
}
