/**
 * Injection token for the `Clock` (libs/timers) the contacts capability reads "now" from (DESIGN
 * decision 12): the system clock in the service, a `ManualClock` where a test wants to move time.
 */
export const WALL_CLOCK = Symbol('DISPATCH_WALL_CLOCK');
