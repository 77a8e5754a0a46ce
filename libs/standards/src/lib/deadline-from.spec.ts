import { builtInStandards } from './built-in-standards';
import { deadlineFrom } from './deadline-from';
import type { DeadlineStandard } from './standard';

const { standards } = builtInStandards;

describe('deadlineFrom', () => {
  it('adds the standard’s seconds, wall-clock', () => {
    const start = new Date('2026-03-06T17:59:50Z'); // a Friday evening: no business hours
    expect(deadlineFrom(start, standards['answer-time']).toISOString()).toBe('2026-03-06T18:00:20.000Z');
    expect(deadlineFrom(start, standards['network-fault-response']).toISOString()).toBe('2026-03-06T18:14:50.000Z');
    expect(deadlineFrom(start, standards['fault-repair-rural']).toISOString()).toBe('2026-03-09T17:59:50.000Z');
  });

  it('does not change the start', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    deadlineFrom(start, standards['answer-time']);
    expect(start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses an invalid start or a standard that is not a deadline', () => {
    expect(() => deadlineFrom(new Date('nope'), standards['answer-time'])).toThrow(RangeError);
    const ratio = standards['billing-error-rate'] as unknown as DeadlineStandard;
    expect(() => deadlineFrom(new Date(), ratio)).toThrow('deadlineFrom needs a deadline standard, got a ratio standard');
  });
});
