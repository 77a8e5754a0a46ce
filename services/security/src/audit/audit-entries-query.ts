import { z } from 'zod';

const instant = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 time with its offset, e.g. 2026-11-25T10:00:00Z' }).transform((text) => new Date(text));
const key = z.string().min(1, 'Expected a non-empty value').max(200, 'At most 200 characters');

/**
 * `GET /v1/audit/entries?actor=&subject=&type=&from=&to=&limit=&cursor=`: every filter optional;
 * `from` inclusive and `to` exclusive, on the event's time; the cursor is the previous page's nextCursor.
 */
export const auditEntriesQuery = z
  .strictObject({
    actor: key.optional(),
    subject: key.optional(),
    type: key.optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce
      .number({ message: 'Expected a whole number' })
      .int('Expected a whole number')
      .optional()
      // Out-of-range values are clamped, as before search existed.
      .transform((limit) => Math.min(Math.max(limit ?? 100, 1), 1000)),
    cursor: z.string().regex(/^[1-9]\d{0,18}$/, 'Expected the nextCursor of the previous page').optional(),
  })
  .refine(({ from, to }) => !from || !to || from < to, { path: ['to'], message: 'Expected a time after `from`' });

export type AuditEntriesQuery = z.output<typeof auditEntriesQuery>;
