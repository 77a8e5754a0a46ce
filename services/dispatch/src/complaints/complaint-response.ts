import { z } from 'zod';
import { caseStage } from '@hotline/contracts';
import { type CaseResponse, caseSchema } from '../cases/case-response';
import type { ServiceCase } from '../cases/domain/service-case';
import { COMPLAINT_STATES, complaintState, type ComplaintStatus } from './domain/complaint';
import type { ComplaintEntry } from './domain/complaint-entry';

const timestamp = z.iso.datetime();
const actor = z.object({ id: z.string(), kind: z.enum(['user', 'api_key', 'service']), roles: z.array(z.string()) });
const step = { at: timestamp, actor };
const state = z.enum(COMPLAINT_STATES).describe('filed → acknowledged → resolved → archived: the complaint’s own progress; its case’s stage is kept by the case');

const acknowledgementSchema = z.object({ ...step, note: z.string().nullable(), channel: z.string().nullable() });
const communicationSchema = z.object({
  ...step,
  direction: z.enum(['inbound', 'outbound']),
  channel: z.string(),
  summary: z.string(),
  awaitingCustomer: z.boolean().describe('An outbound message that asked the complainant for something'),
});
const resolutionSchema = z.object({ ...step, resolution: z.string() });
const feedbackSchema = z.object({ ...step, satisfied: z.boolean(), comment: z.string().nullable() });

/** `GET /v1/complaints/:complaintId`, and the answer to each update: the complaint with its case and every step. */
export const complaintSchema = z.object({
  complaintId: z.string(),
  state,
  awaitingCustomer: z.boolean().describe('Waiting on the complainant: an outbound message asked them, no reply since'),
  case: caseSchema.describe('The case `complaint.filed` opened (`complaint:<complaintId>`): stage, allowed moves, deadlines'),
  acknowledgement: acknowledgementSchema.nullable(),
  communications: z.array(communicationSchema).describe('The log of messages with the complainant, oldest first'),
  resolution: resolutionSchema.nullable().describe('The latest resolution (a reopened complaint may be resolved again)'),
  feedback: feedbackSchema.nullable().describe('The complainant’s feedback on the latest resolution'),
  archive: z.object(step).nullable().describe('Set once archived: the complaint and its case are immutable from then on'),
});

export type ComplaintResponse = z.output<typeof complaintSchema>;

/** One complaint of `GET /v1/complaints`. */
export const complaintSummarySchema = z.object({
  complaintId: z.string(),
  caseId: z.string(),
  state,
  stage: caseStage,
  category: z.string().nullable(),
  description: z.string(),
  customerId: z.string().nullable(),
  filedAt: timestamp,
  acknowledgedAt: timestamp.nullable(),
  awaitingCustomer: z.boolean(),
  resolvedAt: timestamp.nullable(),
  archivedAt: timestamp.nullable(),
});

export type ComplaintSummary = z.output<typeof complaintSummarySchema>;

export const complaintPageSchema = z.object({
  items: z.array(complaintSummarySchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

const iso = (at: Date | null): string | null => at?.toISOString() ?? null;

export function toComplaintSummary(kase: ServiceCase, status: ComplaintStatus): ComplaintSummary {
  const { caseId, stage, category, summary, customerId, openedAt } = kase.snapshot;
  return {
    complaintId: status.complaintId,
    caseId,
    state: complaintState(status),
    stage,
    category,
    description: summary,
    customerId,
    filedAt: openedAt.toISOString(),
    acknowledgedAt: iso(status.acknowledgedAt),
    awaitingCustomer: status.awaitingCustomer,
    resolvedAt: iso(status.resolvedAt),
    archivedAt: iso(status.archivedAt),
  };
}

export function toComplaintResponse(kase: CaseResponse, status: ComplaintStatus, entries: readonly ComplaintEntry[]): ComplaintResponse {
  const response: ComplaintResponse = {
    complaintId: status.complaintId,
    state: complaintState(status),
    awaitingCustomer: status.awaitingCustomer,
    case: kase,
    acknowledgement: null,
    communications: [],
    resolution: null,
    feedback: null,
    archive: null,
  };
  // Entries are in the order recorded: the last resolution and feedback are the latest.
  for (const entry of entries) {
    const common = { at: entry.at.toISOString(), actor: entry.actor };
    switch (entry.kind) {
      case 'acknowledgement':
        response.acknowledgement = { ...common, note: entry.note, channel: entry.channel };
        break;
      case 'communication':
        response.communications.push({ ...common, direction: entry.direction, channel: entry.channel, summary: entry.summary, awaitingCustomer: entry.awaitingCustomer });
        break;
      case 'resolution':
        response.resolution = { ...common, resolution: entry.resolution };
        break;
      case 'feedback':
        response.feedback = { ...common, satisfied: entry.satisfied, comment: entry.comment };
        break;
      case 'archive':
        response.archive = common;
        break;
    }
  }
  return response;
}
