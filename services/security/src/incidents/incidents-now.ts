/**
 * Injection token for the `Clock` (libs/timers) incidents' plan work is timed by (DESIGN decision
 * 12): the system clock in the service, a `ManualClock` where a test wants to set the time.
 */
export const INCIDENTS_NOW = Symbol('SECURITY_INCIDENTS_NOW');
