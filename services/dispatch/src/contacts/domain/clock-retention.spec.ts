import { type ClockRetention, nextPurgeAt, purgeCutoff } from './clock-retention';

const retention: ClockRetention = { retentionMs: 72 * 3_600_000, batchSize: 10_000, intervalMs: 15 * 60_000 };
const now = new Date('2026-11-30T12:00:00Z');

describe('closed clock retention', () => {
  it('keeps closed clocks for the retention time after their last change', () => {
    expect(purgeCutoff(now, retention)).toEqual(new Date('2026-11-27T12:00:00Z'));
  });

  it('runs again at once after a full batch, and after the interval once fewer are left', () => {
    expect(nextPurgeAt(10_000, now, retention)).toEqual(now);
    expect(nextPurgeAt(9_999, now, retention)).toEqual(new Date('2026-11-30T12:15:00Z'));
    expect(nextPurgeAt(0, now, retention)).toEqual(new Date('2026-11-30T12:15:00Z'));
  });
});
