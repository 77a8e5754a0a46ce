import type { Clock } from '@hotline/timers';

/** The clock inspections take "now" from (DESIGN decision 12); tests may override it. */
export const INSPECTIONS_CLOCK = Symbol('INSPECTIONS_CLOCK');
export type InspectionsClock = Clock;

/** The durable timer that opens an incident when an inspection's results are not in by its due date. */
export const INSPECTION_DUE_TIMER = 'inspection.due';
