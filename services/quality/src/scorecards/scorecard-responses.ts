import { z } from 'zod';
import { scorecardScheme } from './domain/scheme';

const rate = z.number().nullable();

export const schemeResponseSchema = z.object({
  version: z.number().int().describe('0 for the default scheme, then 1, 2, … as the tenant puts its own'),
  scheme: scorecardScheme,
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type SchemeResponse = z.output<typeof schemeResponseSchema>;

const kpisSchema = z
  .object({
    offered: z.number(),
    answered: z.number(),
    serviceLevel: rate,
    averageSpeedOfAnswerSeconds: rate,
    averageHandleTimeSeconds: rate,
    transferRate: rate,
    firstContactResolution: rate,
    surveys: z.number(),
    csat: rate,
    averageSurveyScore: rate,
    complaints: z.number(),
    breached: z.number(),
    outageBreached: z.number(),
  })
  .describe("The month's KPIs of the agent or team, for context (from the KPIs)");

export const scorecardSchema = z.object({
  agentId: z.string().optional(),
  team: z.string().optional(),
  reward: z.number().describe('Ledger rewards plus bonuses'),
  penalty: z.number().describe('Ledger penalties (a positive number), reversed ones taken off'),
  net: z.number(),
  bonuses: z.array(z.object({ rule: z.enum(['service-level', 'csat']), figure: z.number(), target: z.number(), points: z.number() })),
  entries: z.number().int().describe('Ledger entries of the month, compensations included'),
  kpis: kpisSchema.nullable(),
});

export const scorecardPageSchema = z.object({
  period: z.string(),
  groupBy: z.enum(['agent', 'team']),
  schemeVersion: z.number().int().describe('The scheme whose monthly bonuses were applied (the current one)'),
  items: z.array(scorecardSchema),
  nextCursor: z.string().nullable(),
});
export type ScorecardPage = z.output<typeof scorecardPageSchema>;

export const ledgerEntrySchema = z.object({
  id: z.uuid(),
  agentId: z.string().nullable(),
  team: z.string().nullable(),
  kind: z.enum(['etiquette', 'breach', 'survey', 'compensation']),
  rule: z.string().describe('e.g. `etiquette:0:forbidden-phrases`, `breach:answer`, `survey:5`, `compensation:<entry id>`'),
  points: z.number().int().describe('A reward positive, a penalty negative; 0 with `reason` when the evidence earns nothing'),
  reason: z.string().nullable(),
  evidence: z.object({ eventId: z.string(), type: z.string(), subject: z.string() }).describe('The event that earned the points and what it is about'),
  standardId: z.string(),
  version: z.string(),
  clause: z.string(),
  schemeVersion: z.number().int(),
  occurredAt: z.string(),
  period: z.string(),
  compensates: z.uuid().nullable().describe('The entry this one reverses'),
  reversed: z.boolean().describe('A compensating entry has reversed this one'),
  recordedAt: z.string(),
});
export type LedgerEntryResponse = z.output<typeof ledgerEntrySchema>;

export const ledgerPageSchema = z.object({ items: z.array(ledgerEntrySchema), nextCursor: z.string().nullable() });
export type LedgerPage = z.output<typeof ledgerPageSchema>;

export const disputeSchema = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  agentId: z.string(),
  reason: z.string(),
  state: z.enum(['open', 'upheld', 'rejected']),
  openedAt: z.string(),
  ruledBy: z.string().nullable(),
  ruledAt: z.string().nullable(),
  rulingNote: z.string().nullable(),
  compensationEntryId: z.uuid().nullable(),
});
export type DisputeResponse = z.output<typeof disputeSchema>;

export const disputePageSchema = z.object({ items: z.array(disputeSchema), nextCursor: z.string().nullable() });
export type DisputePage = z.output<typeof disputePageSchema>;
