import { z } from 'zod';

const ratio = z.number().min(0).max(1).nullable();

export const complianceRowSchema = z.object({
  standardId: z.string().describe('e.g. network-fault-response'),
  title: z.string().nullable(),
  clause: z.string().nullable().describe("The manual's clause the standard comes from"),
  standardVersion: z.string().describe('The standards version that set the target (`1`, or a tenant\'s `acme:3@1`)'),
  inForce: z.object({ from: z.string(), to: z.string() }).nullable().describe('The part of the period this version was in force; null for a version judged before the period'),
  targetSeconds: z.number().nullable().describe('The deadline the version sets'),
  subjects: z.number().int().describe('Contacts offered, or case deadlines settled, whose clock started in the period'),
  met: z.number().int(),
  breached: z.number().int(),
  outageCaused: z.number().int().describe('Of the breached: those a declared major outage caused'),
  achieved: ratio.describe('met / subjects'),
  achievedExcludingOutages: ratio.describe('met / (subjects − outageCaused)'),
  trace: z.string().describe('The evidence route listing the subjects and event ids behind the figures'),
});

export const complianceReportSchema = z.object({
  tenantId: z.string(),
  period: z.object({ label: z.string(), from: z.string(), to: z.string(), timeZone: z.literal('UTC') }),
  region: z.string().nullable().describe('The region reported on; null: every region'),
  rows: z.array(complianceRowSchema),
});

export type ComplianceReport = z.output<typeof complianceReportSchema>;

export const evidenceItemSchema = z.object({
  subjectType: z.string().describe('contact or case'),
  subjectId: z.string(),
  slaKind: z.string(),
  outcome: z.enum(['met', 'breached']),
  causedByOutage: z.boolean(),
  standardId: z.string(),
  standardVersion: z.string(),
  clause: z.string().nullable(),
  region: z.string().nullable(),
  startedAt: z.string().describe('When its clock started (a contact: when it was queued)'),
  eventIds: z.array(z.string()).describe('The events behind its verdict'),
});

export const evidencePageSchema = z.object({
  items: z.array(evidenceItemSchema),
  nextCursor: z.string().nullable(),
});

export type EvidencePageResponse = z.output<typeof evidencePageSchema>;
