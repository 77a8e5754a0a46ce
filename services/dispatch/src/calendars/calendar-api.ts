import { z } from 'zod';
import { ProblemException } from '@hotline/platform';
import { cursorParameter, encodeCursor } from '../cases/page-cursor';
import { SLA_POLICY_IDS, SLA_PRIORITIES, WEEKDAYS, type Weekday } from '../sla/domain';
import { defaultWarnPoints, type PolicySetting } from './domain/policy-setting';
import type { CalendarDefinition, FieldIssue, TenantCalendar } from './domain/tenant-calendar';

/** `GET /v1/calendars` and `GET /v1/sla-policies`: keyset pages by id. */
export const idPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursorParameter(z.tuple([z.string()])).optional(),
});
export const ID_PAGE_QUERIES = [
  { name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
  { name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' },
] as const;

const NEXT_CURSOR = z.string().nullable().describe('Pass as `cursor` for the next page; null on the last');

/** A page of items keyed by `id`: a cursor after the last one when the page is full. */
export function idPage<T, R>(found: readonly T[], limit: number, id: (item: T) => string, toResponse: (item: T) => R): { items: R[]; nextCursor: string | null } {
  const last = found.at(-1);
  return { items: found.map(toResponse), nextCursor: found.length === limit && last ? encodeCursor([id(last)]) : null };
}

/** `:calendarId`: a tenant's own name for a calendar. */
export const calendarParameter = z.strictObject({
  calendarId: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'Letters, digits, dot, dash and underscore, at most 100'),
});

/** Every policy: a case clock's, or `answer` (contacts' answer clocks, which take only `warnAt`). */
export const policyParameter = z.strictObject({ policyId: z.enum(SLA_POLICY_IDS) });

const hours = z.array(z.strictObject({ from: z.string().describe("'HH:MM', local"), to: z.string().describe("'HH:MM', local; '24:00' ends the day") })).max(24);

/** `PUT /v1/calendars/:calendarId`: shapes here (a 400); whether the values make a calendar is the domain's (a 422). */
export const calendarRequest = z.strictObject({
  timeZone: z.string().max(100).describe('IANA time zone the hours are local to, e.g. Asia/Shanghai'),
  weeklyHours: z
    .strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, hours.optional()])) as Record<Weekday, z.ZodOptional<typeof hours>>)
    .describe('Working hours per weekday; a weekday left out is a day off. At least one weekday must have hours; hours may not overlap'),
  holidays: z.array(z.string()).max(1000).default([]).describe("Local dates 'YYYY-MM-DD' with no working hours"),
  workdays: z
    .array(z.strictObject({ date: z.string().describe("Local date 'YYYY-MM-DD'"), workAs: z.string().describe('The weekday whose hours it is worked with, e.g. monday') }))
    .max(366)
    .default([])
    .describe('Make-up working days (调休), usually weekend days, worked with the hours of `workAs`'),
});

export const toCalendarDefinition = (body: z.output<typeof calendarRequest>): CalendarDefinition => ({
  timeZone: body.timeZone,
  weeklyHours: Object.fromEntries(Object.entries(body.weeklyHours).filter(([, value]) => value !== undefined)),
  holidays: body.holidays,
  workdays: body.workdays.map(({ date, workAs }) => ({ date, workAs: workAs as Weekday })),
});

export const calendarSchema = z.object({
  calendarId: z.string(),
  timeZone: z.string(),
  weeklyHours: z.record(z.string(), z.array(z.object({ from: z.string(), to: z.string() }))),
  holidays: z.array(z.string()),
  workdays: z.array(z.object({ date: z.string(), workAs: z.string() })),
  updatedAt: z.iso.datetime(),
});
export const calendarPageSchema = z.object({ items: z.array(calendarSchema), nextCursor: NEXT_CURSOR });
export type CalendarResponse = z.output<typeof calendarSchema>;

export const toCalendarResponse = ({ calendarId, definition, updatedAt }: TenantCalendar): CalendarResponse => ({
  calendarId,
  ...definition,
  weeklyHours: definition.weeklyHours as Record<string, { from: string; to: string }[]>,
  updatedAt: updatedAt.toISOString(),
});

/** `PUT /v1/sla-policies/:policyId`. */
export const policySettingRequest = z.strictObject({
  calendarId: z.string().min(1).max(100).nullable().describe("The business calendar the policy counts on; null: 24/7 (every millisecond). Policy 'answer': null only"),
  priorityBudgets: z
    .strictObject(Object.fromEntries(SLA_PRIORITIES.map((p) => [p, z.number().int().positive().optional()])) as Record<(typeof SLA_PRIORITIES)[number], z.ZodOptional<z.ZodNumber>>)
    .default({})
    .describe("Seconds of budget for a case of that priority, counted on the policy's calendar; none may exceed the standard in force. Policy 'answer': none (contacts have no priority)"),
  warnAt: z
    .array(z.number())
    .max(100)
    .optional()
    .describe(
      "Fractions of the budget at which `sla.warned` is published, ascending, each in (0, 1), at most 5; left out: 0.5 and 0.8 for case policies, never for 'answer' (opt-in); [] warns never",
    ),
});

export const policySettingSchema = z.object({
  policyId: z.string(),
  calendarId: z.string().nullable(),
  priorityBudgets: z.record(z.string(), z.number()),
  warnAt: z.array(z.number()).describe("Where clocks of the policy warn, as fractions of their budget (the default when not set: [0.5, 0.8], or [] for 'answer')"),
  updatedAt: z.iso.datetime(),
});
export const policySettingPageSchema = z.object({ items: z.array(policySettingSchema), nextCursor: NEXT_CURSOR });
export type PolicySettingResponse = z.output<typeof policySettingSchema>;

export const toPolicySettingResponse = ({ policyId, calendarId, priorityBudgets, warnPoints, updatedAt }: PolicySetting): PolicySettingResponse => ({
  policyId,
  calendarId,
  priorityBudgets: priorityBudgets as Record<string, number>,
  warnAt: [...(warnPoints ?? defaultWarnPoints(policyId))],
  updatedAt: updatedAt.toISOString(),
});

export const calendarNotFound = (calendarId: string) => new ProblemException({ status: 404, detail: `Your tenant has no business calendar ${calendarId}.` });

/** Values that make no calendar, or a setting that would loosen a standard: 422 naming each field; nothing was changed. */
export const unprocessable = (title: string, errors: readonly FieldIssue[]) =>
  new ProblemException({ status: 422, title, detail: `${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}. Nothing was changed.`, errors: [...errors] });
