/**
 * Injection token for the `Clock` (libs/timers) case clocks judge verdicts by (DESIGN decision 12):
 * the system clock in the service, a `ManualClock` where a test wants to move time.
 */
export const CASE_CLOCKS_NOW = Symbol('DISPATCH_CASE_CLOCKS_NOW');
