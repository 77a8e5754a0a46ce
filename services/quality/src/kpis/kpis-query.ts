import { z } from 'zod';
import { BUCKET_MS, BUCKETS, type Bucket } from './domain/kpi-cells';

const DAY_MS = 24 * 60 * 60_000;

/** The longest range each bucket size may be asked for, so one answer stays a screenful of rows, not a table dump. */
export const MAX_RANGE_MS: Readonly<Record<Bucket, number>> = { '15m': 7 * DAY_MS, '1d': 92 * DAY_MS };

const instant = z.iso
  .datetime({ offset: true, error: 'Expected an ISO 8601 time with its offset, e.g. 2026-11-25T10:00:00Z' })
  .transform((text) => new Date(text));

/**
 * `GET /v1/kpis?from=&to=&groupBy=queue|team|agent&bucket=15m|1d`: the buckets that overlap
 * `[from, to)`, for the whole tenant unless grouped; quarter-hours or UTC days (the default).
 */
export const kpisQuery = z
  .strictObject({
    from: instant,
    to: instant,
    groupBy: z.enum(['queue', 'team', 'agent']).optional(),
    bucket: z.enum(BUCKETS).default('1d'),
  })
  .check((ctx) => {
    if (ctx.issues.length > 0) return; // a field is malformed: it has said so
    const { from, to, bucket } = ctx.value;
    if (from >= to) ctx.issues.push({ code: 'custom', path: ['to'], message: 'Expected a time after `from`', input: ctx.value.to });
    else if (to.getTime() - from.getTime() > MAX_RANGE_MS[bucket]) {
      const days = MAX_RANGE_MS[bucket] / DAY_MS;
      ctx.issues.push({ code: 'custom', path: ['to'], message: `At most ${days} days of ${bucket} buckets at once`, input: ctx.value.to });
    }
  });

export type KpisQuery = z.output<typeof kpisQuery>;

/** The first bucket the range overlaps starts at or before `from`. */
export function firstBucketStart(from: Date, bucket: Bucket): Date {
  return new Date(Math.floor(from.getTime() / BUCKET_MS[bucket]) * BUCKET_MS[bucket]);
}
