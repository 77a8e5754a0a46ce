/** Durations are wall-clock seconds: business hours are not in scope. */
export const SECOND = 1;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Seconds for people, in the largest unit that divides them, as the manual writes them: `30 s`,
 * `90 s`, `15 min`, `48 h`, `72 h` (hours up to three days), `15 days`.
 */
export function formatDuration(seconds: number): string {
  if (seconds > 3 * DAY && seconds % DAY === 0) {
    return `${seconds / DAY} days`;
  }
  if (seconds >= HOUR && seconds % HOUR === 0) {
    return `${seconds / HOUR} h`;
  }
  if (seconds >= MINUTE && seconds % MINUTE === 0) {
    return `${seconds / MINUTE} min`;
  }
  return `${seconds} s`;
}
