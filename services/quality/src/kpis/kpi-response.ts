import { z } from 'zod';
import { BUCKETS } from './domain/kpi-cells';
import type { KpiFigures } from './domain/kpi-figures';

const rate = (description: string) => z.number().min(0).max(1).nullable().describe(`${description}; null when there is nothing to divide by`);
const seconds = (description: string) => z.number().min(0).nullable().describe(`${description}, in seconds; null when no contact reported it`);
const count = () => z.number().int();

/** One bucket and group's KPIs. */
export const kpiRowSchema = z.object({
  bucketStart: z.string().describe('Start of the bucket (UTC)'),
  bucketEnd: z.string().describe('End of the bucket (exclusive)'),
  group: z.string().nullable().describe('The queue, team or agent; null for the whole tenant. "(unknown)" holds contacts nobody named one for'),
  offered: count().describe('Inbound contacts that waited in a queue, short abandons excluded'),
  answered: count(),
  answeredWithinTarget: count().describe("Answered within the tenant's answer standard in force when the contact was queued"),
  abandoned: count().describe('Abandoned after the short-abandon threshold'),
  shortAbandoned: count().describe('Abandoned within the short-abandon threshold (QUALITY_SHORT_ABANDON_SECONDS, 5 s by default): reported apart, not offered'),
  serviceLevel: rate('Answered within target over offered'),
  averageSpeedOfAnswerSeconds: seconds('Average wait of answered contacts (the platform wait when the event carries it)'),
  abandonmentRate: rate('Abandoned over offered'),
  averageHandleTimeSeconds: seconds('Average handle time (talk, hold and after-contact work) of answered contacts that ended'),
  afterContactWorkSeconds: seconds('Average after-contact work'),
  transferred: count(),
  transferRate: rate('Transferred over answered'),
  firstContactResolution: rate('Answered contacts of known customers (contact.queued customer.id) with no other contact of theirs within the repeat window after, over those contacts; provisional for the last window'),
  surveys: count(),
  csat: rate('Surveys scored 4 or 5 of 5 over surveys (survey.completed naming the contact)'),
  averageSurveyScore: z.number().min(1).max(5).nullable(),
  complaints: count().describe('Complaints filed naming one of these contacts'),
  complaintRatePer1000: z.number().min(0).nullable().describe('Complaints per 1,000 contacts (offered or not)'),
  breached: count().describe("Answer deadlines breached, as dispatch judged them (withdrawals applied), outage-caused ones apart"),
  breachRate: rate('Breached over offered'),
  outageBreached: count().describe('Answer deadlines breached during a declared major outage'),
  outageBreachRate: rate('Outage-caused breaches over offered'),
  followUps: count().describe("Resolved cases (in the bucket of their resolution) whose follow-up call is settled: dispatch's follow_up clock stopped, or breached; by the agent and queue holding the case when it was resolved (case.assigned), team \"(unknown)\""),
  followUpsMet: count().describe('Of those, called back within the follow-up deadline'),
  followUpCompletion: rate('Follow-ups done within their deadline over follow-ups settled'),
  caseDeadlines: count().describe(
    "Settled case deadlines (dispatch's response, repair, resolution, record, follow_up and complaint_reply clocks on cases: stopped, or breached), each clock once (a restarted clock replaces its earlier run), in the bucket of the clock's start, by the agent and queue holding the case then (case.assigned), team \"(unknown)\"",
  ),
  caseDeadlinesBreached: count().describe('Of those, breached (withdrawn breaches count as met), outage-caused ones included'),
  caseDeadlinesBreachedByOutage: count().describe('Of the breached, those dispatch marked causedByOutage (the case belongs to a declared major outage)'),
  caseBreachRate: rate('Breached case deadlines over case deadlines settled'),
  caseBreachRateExcludingOutages: rate('Breached case deadlines not caused by an outage over case deadlines settled (outage-caused breaches are not held against agents)'),
  standardVersion: z.string().nullable().describe("The tenant standards version the targets came from; null when the bucket's contacts span several"),
  standardVersions: z.array(z.string()).describe('Every standards version applied in the bucket'),
});

export const kpiReportSchema = z.object({
  tenantId: z.string(),
  from: z.string(),
  to: z.string(),
  bucket: z.enum(BUCKETS),
  groupBy: z.enum(['queue', 'team', 'agent']).nullable(),
  items: z.array(kpiRowSchema).describe('Buckets with contacts only, by bucket start then group'),
});

export type KpiRow = z.output<typeof kpiRowSchema>;
export type KpiReport = z.output<typeof kpiReportSchema>;

// Compile-time: the domain's figures are what a row documents.
const _matches = (figures: KpiFigures): Omit<KpiRow, 'bucketStart' | 'bucketEnd' | 'group' | 'standardVersion' | 'standardVersions'> => figures;
