import { BusinessCalendar, type BusinessCalendarDefinition, type SlaClockOptions, type SlaPolicy, type SlaPriority, tailorSlaPolicy } from '../../sla/domain';

/**
 * What a case clock keeps of its tenant's settings when it is created (stored with it, so a later
 * change of a calendar or a setting never moves a running clock): the case's priority then, the
 * business calendar its policy counts on (none: 24/7), its budgets by priority in milliseconds and
 * where it warns (none: the policy's default points).
 */
export interface ClockTailoring {
  priority?: SlaPriority;
  calendarId?: string;
  calendar?: BusinessCalendarDefinition;
  budgetByPriority?: Partial<Record<SlaPriority, number>>;
  warnPoints?: number[];
}

/** Built calendars by definition: a calendar caches its days, and a few calendars time many clocks. */
const calendars = new Map<string, BusinessCalendar>();
const CALENDAR_CACHE_LIMIT = 256;

function calendarOf(definition: BusinessCalendarDefinition): BusinessCalendar {
  const key = JSON.stringify(definition);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = BusinessCalendar.of(definition);
    if (calendars.size >= CALENDAR_CACHE_LIMIT) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/** The options a clock is replayed with: the standards' policy tailored as the clock's tenant had it when it was created. */
export function tailoredClockOptions(policy: SlaPolicy, tailoring: ClockTailoring | null | undefined): SlaClockOptions {
  if (!tailoring) return { policy };
  const { priority, calendar, budgetByPriority, warnPoints } = tailoring;
  const tailored =
    calendar || budgetByPriority || warnPoints
      ? tailorSlaPolicy(policy, {
          ...(warnPoints && { warnPoints }),
          ...(calendar && { calendar: 'business-hours' as const }),
          // Never past the policy's own budget: a budget is only ever tightened.
          ...(budgetByPriority && {
            budgetByPriority: Object.fromEntries(Object.entries(budgetByPriority).map(([p, ms]) => [p, Math.min(ms, policy.budgetMs)])),
          }),
        })
      : policy;
  return { policy: tailored, ...(priority && { priority }), ...(calendar && { businessCalendar: calendarOf(calendar) }) };
}
