import type { Clock } from '@hotline/timers';

/** The clock transitions take their time from (DESIGN decision 12); the system clock unless a test provides another. */
export const CASES_CLOCK = Symbol('CASES_CLOCK');
export type CasesClock = Clock;
