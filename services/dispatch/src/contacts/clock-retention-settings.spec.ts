import { clockRetentionFrom } from './clock-retention-settings';

describe('clockRetentionFrom', () => {
  it('keeps closed clocks 72 hours unless configured, in batches of 10,000, and takes fractions of an hour', () => {
    expect(clockRetentionFrom(undefined)).toEqual({ retentionMs: 259_200_000, batchSize: 10_000, intervalMs: 900_000 });
    expect(clockRetentionFrom('').retentionMs).toBe(259_200_000);
    expect(clockRetentionFrom('0.5').retentionMs).toBe(1_800_000);
  });

  it('refuses a value that is not a positive number of hours', () => {
    expect(() => clockRetentionFrom('0')).toThrow('DISPATCH_CLOSED_CLOCK_RETENTION_HOURS');
    expect(() => clockRetentionFrom('3d')).toThrow('positive number');
  });
});
