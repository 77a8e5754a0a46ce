import { z } from 'zod';
import { unstorableTextReason } from '@hotline/contracts';

/** Text PostgreSQL can store (no NUL, no lone surrogate): refused naming the field, never a 500. */
export const storableText = (max: number, required: string) =>
  z
    .string()
    .trim()
    .min(1, required)
    .max(max)
    .superRefine((text, ctx) => {
      const reason = unstorableTextReason(text);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    });

/** Opaque keyset cursors: the page's last sort key as base64url JSON, passed back unchanged. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function cursorOf<T extends z.ZodType>(shape: T) {
  return z.string().transform((text, ctx): z.output<T> => {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    } catch {
      decoded = undefined;
    }
    const parsed = shape.safeParse(decoded);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'cursor is the nextCursor of the previous page, passed back unchanged' });
    return z.NEVER;
  });
}

export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month, YYYY-MM, e.g. 2026-11');
const limit = z.coerce.number().int().min(1).max(500).default(100);

/** `GET /v1/scorecards?period=&groupBy=agent|team&limit=&cursor=`. */
export const scorecardsQuery = z.strictObject({
  period,
  groupBy: z.enum(['agent', 'team']).default('agent'),
  limit,
  cursor: cursorOf(z.tuple([z.string()])).optional(),
});

/** `GET /v1/scorecards/:agentId/ledger?period=&limit=&cursor=`. */
export const ledgerQuery = z.strictObject({
  period,
  limit,
  cursor: cursorOf(z.tuple([z.iso.datetime(), z.uuid()])).optional(),
});

export const agentParams = z.strictObject({ agentId: z.string().min(1).max(200) });
export const entryParams = z.strictObject({ entryId: z.uuid('Expected a ledger entry id (a UUID)') });
export const disputeParams = z.strictObject({ disputeId: z.uuid('Expected a dispute id (a UUID)') });

/** `POST /v1/ledger/:entryId/disputes`. */
export const disputeRequest = z.strictObject({ reason: storableText(2000, 'Say why the entry is wrong') });

/** `POST /v1/disputes/:disputeId/ruling`. */
export const rulingRequest = z.strictObject({ decision: z.enum(['upheld', 'rejected']), note: storableText(2000, 'Say why') });

/** `GET /v1/disputes?state=&limit=&cursor=`. */
export const disputesQuery = z.strictObject({
  state: z.enum(['open', 'upheld', 'rejected']).optional(),
  limit,
  cursor: cursorOf(z.tuple([z.iso.datetime(), z.uuid()])).optional(),
});
