import type { Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ClockRetention } from './domain/clock-retention';

/**
 * How long closed answer clocks are kept (default 72 h): a late stop within that time is judged
 * against its clock and can still withdraw a breach; after it, the contact's events start afresh.
 */
export const CLOSED_CLOCK_RETENTION_ENV = 'DISPATCH_CLOSED_CLOCK_RETENTION_HOURS';
const DEFAULT_RETENTION_HOURS = 72;
const BATCH_SIZE = 10_000;
const INTERVAL_MS = 15 * 60_000;

export const CLOCK_RETENTION = Symbol('CLOCK_RETENTION');

/** Refuses to start on a value that is not a positive number of hours, rather than purging by surprise. */
export function clockRetentionFrom(value: string | undefined): ClockRetention {
  const settings = { batchSize: BATCH_SIZE, intervalMs: INTERVAL_MS };
  if (value === undefined || value.trim() === '') return { ...settings, retentionMs: DEFAULT_RETENTION_HOURS * 3_600_000 };
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`${CLOSED_CLOCK_RETENTION_ENV} must be a positive number of hours, got ${JSON.stringify(value)}`);
  return { ...settings, retentionMs: Math.round(hours * 3_600_000) };
}

export const clockRetentionProvider: Provider = {
  provide: CLOCK_RETENTION,
  inject: [ConfigService],
  useFactory: (config: ConfigService): ClockRetention => clockRetentionFrom(config.get<string>(CLOSED_CLOCK_RETENTION_ENV)),
};
