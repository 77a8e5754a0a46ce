import { z } from 'zod';
import { caseStage } from '@hotline/contracts';
import { caseSchema } from '../cases/case-response';
import { COMPLAINT_STATES } from './domain/complaint';
import type { HistoryEntry } from './domain/complaint-history';
import type { ComplaintExport } from './use-cases/export-complaint';

const timestamp = z.iso.datetime();
const actor = z.object({ id: z.string(), kind: z.enum(['user', 'api_key', 'service']), roles: z.array(z.string()) });
const step = { at: timestamp, actor };

const historyItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('filed'), at: timestamp, eventId: z.string(), eventType: z.string(), category: z.string().nullable(), description: z.string(), customerId: z.string().nullable() }),
  z.object({ kind: z.literal('transition'), ...step, from: caseStage, to: caseStage, reason: z.string(), version: z.number().int() }),
  z.object({ kind: z.literal('acknowledgement'), ...step, note: z.string().nullable(), channel: z.string().nullable() }),
  z.object({ kind: z.literal('communication'), ...step, direction: z.enum(['inbound', 'outbound']), channel: z.string(), summary: z.string(), awaitingCustomer: z.boolean() }),
  z.object({ kind: z.literal('resolution'), ...step, resolution: z.string() }),
  z.object({ kind: z.literal('feedback'), ...step, satisfied: z.boolean(), comment: z.string().nullable() }),
  z.object({ kind: z.literal('archive'), ...step }),
]);

/** `GET /v1/complaints/:complaintId/export?format=json`: the complaint's whole history, oldest first. */
export const complaintExportSchema = z.object({
  complaintId: z.string(),
  state: z.enum(COMPLAINT_STATES),
  exportedAt: timestamp,
  case: caseSchema,
  history: z.array(historyItem).describe('Its filing, every stage move of its case, and every step of its handling'),
});

export type ComplaintExportResponse = z.output<typeof complaintExportSchema>;
type HistoryItem = z.output<typeof historyItem>;

export function toExportResponse({ complaintId, state, exportedAt, case: kase, history }: ComplaintExport): ComplaintExportResponse {
  return { complaintId, state, exportedAt: exportedAt.toISOString(), case: kase, history: history.map(toHistoryItem) };
}

function toHistoryItem(entry: HistoryEntry): HistoryItem {
  return { ...entry, at: entry.at.toISOString() };
}
