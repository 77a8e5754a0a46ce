import type { Clock } from '@hotline/timers';

/** The wall clock alerts judge "now" by (DESIGN decision 12); tests may provide another. */
export const ALERTS_CLOCK = Symbol('ALERTS_CLOCK');
export type AlertsClock = Clock;

export const QUALITY_SOURCE = '/hotline/quality';
export const RECHECK_TIMER = 'alerts.recheck';
export const ESCALATE_TIMER = 'alerts.escalate';
