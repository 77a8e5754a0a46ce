import { auditRecordedEvent, type CloudEvent } from '@hotline/contracts';
import type { CaseActor } from '../../cases/domain/service-case';
import { BusinessCalendar, type BusinessCalendarDefinition, InvalidBusinessCalendarError, type Weekday, type WorkingHours } from '../../sla/domain';

/** A tenant's business calendar as the API names it: `workdays` are the make-up working days (调休). */
export interface CalendarDefinition {
  timeZone: string;
  weeklyHours: Partial<Record<Weekday, WorkingHours[]>>;
  holidays: string[];
  workdays: { date: string; workAs: Weekday }[];
}

export interface TenantCalendar {
  tenantId: string;
  calendarId: string;
  definition: CalendarDefinition;
  updatedAt: Date;
}

export interface FieldIssue {
  path: string;
  message: string;
}

/** The sla/domain definition a clock counts on. */
export function businessDefinition({ timeZone, weeklyHours, holidays, workdays }: CalendarDefinition): BusinessCalendarDefinition {
  return { timeZone, weeklyHours, holidays, makeUpDays: workdays };
}

/**
 * Every reason the calendar cannot be used (no working hours, overlapping hours, an unknown zone,
 * a date that is not one), each naming its field as the API does; empty when it is usable.
 */
export function calendarIssues(definition: CalendarDefinition): FieldIssue[] {
  try {
    BusinessCalendar.of(businessDefinition(definition));
    return [];
  } catch (error) {
    if (!(error instanceof InvalidBusinessCalendarError)) throw error;
    return error.issues.map(({ path, message }) => ({ path: path.replace(/^makeUpDays/, 'workdays'), message }));
  }
}

/** `audit.recorded` for a calendar put (DESIGN decision 13); `before` is absent for a new calendar. */
export function calendarAudit(calendar: TenantCalendar, before: TenantCalendar | undefined, actor: CaseActor, correlationId?: string): CloudEvent {
  const { tenantId, calendarId, definition, updatedAt } = calendar;
  const summaryOf = (d: CalendarDefinition) => ({ timeZone: d.timeZone, holidays: d.holidays.length, workdays: d.workdays.length });
  return auditRecordedEvent({
    service: 'dispatch',
    tenantId,
    correlationId,
    time: updatedAt,
    actor,
    action: 'calendar.put',
    subject: { type: 'business_calendar', id: calendarId },
    before: before && summaryOf(before.definition),
    after: summaryOf(definition),
    summary: `business calendar ${calendarId} (${definition.timeZone})`,
  });
}
