import type { Clock } from '@hotline/timers';

/** The clock region settings are stamped by (DESIGN decision 12); the system clock unless a test provides another. */
export const REGIONS_CLOCK = Symbol('DISPATCH_REGIONS_CLOCK');
export type RegionsClock = Clock;
