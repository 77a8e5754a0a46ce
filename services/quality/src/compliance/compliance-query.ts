import { z } from 'zod';
import { type ReportPeriod, parsePeriod, PERIOD_FORMATS, spanOf } from './domain/report-period';

/** At most this long a range, so one report stays a bounded read. */
const MAX_RANGE_DAYS = 400;

const period = z.string().transform((text, ctx): ReportPeriod => {
  const parsed = parsePeriod(text);
  if (parsed) return parsed;
  ctx.addIssue({ code: 'custom', message: `Expected ${PERIOD_FORMATS}` });
  return z.NEVER;
});

/** A region as the events name them (contracts' `label`): 1..200 printable characters. */
const region = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'Expected a region name without control characters');

const range = {
  period: period.optional(),
  from: period.optional(),
  to: period.optional(),
  region: region.optional(),
};

type Range = { period?: ReportPeriod; from?: ReportPeriod; to?: ReportPeriod };

/** `period`, or `from` and `to` (each a period: from the start of one to the end of the other). */
function checkRange(ctx: z.core.ParsePayload<Range>): void {
  if (ctx.issues.length > 0) return; // a field is malformed: it has said so
  const { period: one, from, to } = ctx.value;
  const issue = (path: string, message: string): void => {
    ctx.issues.push({ code: 'custom', path: [path], message, input: ctx.value });
  };
  if (one && (from || to)) return issue('period', 'Expected either `period` or `from` and `to`, not both');
  if (!one && !(from && to)) return issue(from ? 'to' : to ? 'from' : 'period', 'Expected `period`, or both `from` and `to`');
  if (from && to) {
    const span = spanOf(from, to);
    if (!span) return issue('to', 'Expected `to` not to be before `from`');
    if (span.to.getTime() - span.from.getTime() > MAX_RANGE_DAYS * 86_400_000) issue('to', `At most ${MAX_RANGE_DAYS} days at once`);
  }
}

/** The period a checked query asks for. */
export function periodOf({ period: one, from, to }: Range): ReportPeriod {
  return one ?? (spanOf(from as ReportPeriod, to as ReportPeriod) as ReportPeriod);
}

/** `GET /v1/reports/compliance?period=&region=&format=json|csv`. */
export const complianceQuery = z
  .strictObject({ ...range, format: z.enum(['json', 'csv']).default('json') })
  .check(checkRange);

export type ComplianceQuery = z.output<typeof complianceQuery>;

const cursor = z.string().transform((text, ctx): [string, string, string] => {
  try {
    const key: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === 'string')) return key as [string, string, string];
  } catch {
    // not base64url JSON: refused below
  }
  ctx.addIssue({ code: 'custom', message: 'cursor is the nextCursor of the previous page, passed back unchanged' });
  return z.NEVER;
});

export function encodeCursor(key: readonly [string, string, string]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** `GET /v1/reports/compliance/evidence?standardId=&version=&period=&region=&limit=&cursor=`. */
export const evidenceQuery = z
  .strictObject({
    ...range,
    standardId: z.string().min(1).max(200),
    version: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: cursor.optional(),
  })
  .check(checkRange);

export type EvidenceQueryParams = z.output<typeof evidenceQuery>;
