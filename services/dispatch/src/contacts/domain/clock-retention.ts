/**
 * How closed answer clocks are purged (ops hygiene: at 2,000 contacts/s the table grows by some
 * 170 million rows a day). A closed clock is kept for the retention time after its last change, so
 * a late stop can still be judged against it (and withdraw a breach); after that it is deleted in
 * bounded batches, one batch per run, the next run at once while batches come back full.
 */
export interface ClockRetention {
  /** How long a closed clock is kept after its last change. */
  retentionMs: number;
  /** Most rows one run deletes (one statement, one short transaction). */
  batchSize: number;
  /** The wait between runs once no more are due. */
  intervalMs: number;
}

/** Closed clocks last changed before this are due for deletion. */
export function purgeCutoff(now: Date, retention: ClockRetention): Date {
  return new Date(now.getTime() - retention.retentionMs);
}

/** When to run again: at once after a full batch (more may be left), else after the interval. */
export function nextPurgeAt(purged: number, now: Date, retention: ClockRetention): Date {
  return purged >= retention.batchSize ? now : new Date(now.getTime() + retention.intervalMs);
}
