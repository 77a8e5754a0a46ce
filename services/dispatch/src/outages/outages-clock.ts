import type { Clock } from '@hotline/timers';

/** The clock declarations and resolutions take their time from (DESIGN decision 12); a test may provide another. */
export const OUTAGES_CLOCK = Symbol('OUTAGES_CLOCK');
export type OutagesClock = Clock;
