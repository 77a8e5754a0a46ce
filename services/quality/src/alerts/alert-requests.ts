import { z } from 'zod';

export const listAlertsQuery = z.strictObject({
  state: z.enum(['open', 'raised', 'acknowledged', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^[0-9]{1,18}$/, 'a cursor from a previous page').optional(),
});

export const alertIdParam = z.string().uuid('an alert id');

export const listSilencesQuery = z.strictObject({
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^[0-9]{1,18}$/, 'a cursor from a previous page').optional(),
});

const MAX_SILENCE_MS = 30 * 24 * 3600 * 1000;

/** `POST /v1/silences`: at least one matcher; ends after it starts, within 30 days. */
export const silenceBody = z
  .strictObject({
    matchers: z
      .array(z.strictObject({ label: z.string().min(1).max(64), op: z.enum(['=', '!=']).default('='), value: z.string().max(200) }))
      .min(1, 'at least one matcher: a silence of everything is a switched-off pager')
      .max(20),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }),
    reason: z.string().trim().min(1).max(1000),
  })
  .superRefine((s, ctx) => {
    const start = s.startsAt ? Date.parse(s.startsAt) : Date.now();
    const end = Date.parse(s.endsAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt (or now)' });
    else if (end - start > MAX_SILENCE_MS) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'at most 30 days after startsAt' });
    if (s.matchers.length > 0 && s.matchers.every((m) => m.op === '!=')) ctx.addIssue({ code: 'custom', path: ['matchers'], message: 'needs at least one = matcher' });
  });

export const silenceIdParam = z.string().uuid('a silence id');
