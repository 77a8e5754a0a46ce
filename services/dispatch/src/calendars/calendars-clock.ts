import type { Clock } from '@hotline/timers';

/** The clock calendars and policy settings are stamped by (DESIGN decision 12); the system clock unless a test provides another. */
export const CALENDARS_CLOCK = Symbol('DISPATCH_CALENDARS_CLOCK');
export type CalendarsClock = Clock;
