import { z } from 'zod';

const timestamp = z.iso.datetime();

/** `GET /v1/contacts/:contactId/sla`: a contact's answer clock and the standard it is judged by. */
export const contactSlaSchema = z.object({
  contactId: z.string(),
  state: z.enum(['waiting', 'answered', 'abandoned', 'exited']),
  breached: z.boolean().describe('A breach was published and stands (not withdrawn)'),
  late: z.boolean().describe('Judged after the fact: the deadline had passed before the contact reached dispatch, or its timer fired late'),
  queuedAt: timestamp.nullable().describe('Null until contact.queued arrives (an answer may come first)'),
  dueAt: timestamp.nullable().describe('queuedAt plus the answer time in force then'),
  answeredAt: timestamp.optional(),
  stoppedAt: timestamp.optional().describe('When the wait ended (answered, abandoned, exited), by event time'),
  standardId: z.string().nullable(),
  version: z.string().nullable().describe('The standards version applied, e.g. 1 or acme:3@1'),
  clause: z.string().nullable().describe("The manual's clause, e.g. 2.1"),
  breachedAt: timestamp.optional().describe('When sla.breached was published'),
  withdrawnAt: timestamp.optional().describe('When sla.withdrawn corrected it'),
  warnAt: z
    .array(z.number())
    .optional()
    .describe("Where the clock publishes sla.warned, as fractions of the answer time: the tenant's warnAt for policy 'answer' when queued; left out when it does not warn (the default)"),
  warned: z.array(z.number()).optional().describe('The warn points whose sla.warned was published, in order; with warnAt'),
});

/** The response DTO, never a row. */
export type ContactSlaResponse = z.output<typeof contactSlaSchema>;
