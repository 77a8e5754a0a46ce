import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { identifier, label, nonNegativeInt, standardId, standardVersion, text } from '../fields';

/** One itemised etiquette deduction: the rule, its evidence (a quote and where), and the standard and clause applied. */
export const scoreDeduction = z.looseObject({
  rule: label(),
  points: z.number().min(0).max(100),
  evidence: text(),
  beginOffsetMs: nonNegativeInt(),
  endOffsetMs: nonNegativeInt(),
  standardId: standardId(),
  version: standardVersion(),
  clause: text(),
});

export const contactScored = defineEvent({
  type: 'contact.scored',
  version: '1',
  description: "Quality scored a contact's transcript against the etiquette rules (MANUAL.md ch. 3): 0–100 with itemised deductions.",
  publishedBy: 'quality',
  data: z.looseObject({
    contactId: identifier(),
    agentId: identifier().optional(),
    score: z.number().min(0).max(100),
    deductions: z.array(scoreDeduction),
    standardId: standardId(),
    standardVersion: standardVersion(),
  }),
});
