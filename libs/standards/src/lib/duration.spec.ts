import { DAY, HOUR, MINUTE, formatDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [30, '30 s'],
    [90, '90 s'],
    [15 * MINUTE, '15 min'],
    [90 * MINUTE, '90 min'],
    [48 * HOUR, '48 h'],
    [DAY, '24 h'],
    [3 * DAY, '72 h'],
    [4 * DAY, '4 days'],
    [90 * MINUTE + 1, '5401 s'],
    [15 * DAY, '15 days'],
  ])('%i s reads %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
