/**
 * Collects deliveries and hands them on in batches, one batch at a time: while a batch is being
 * applied the next one gathers (up to `maxBatch`), so a quiet queue waits for nothing and a busy
 * one shares each transaction between many deliveries, as group commit does.
 */
export class DeliveryBatcher<T> {
  private readonly pending: T[] = [];
  private running?: Promise<void>;

  constructor(
    private readonly maxBatch: number,
    private readonly apply: (batch: T[]) => Promise<void>,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    this.next();
  }

  /** Resolves once everything pushed so far has been applied. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private next(): void {
    if (this.running || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.maxBatch);
    this.running = this.apply(batch)
      .catch(() => undefined) // apply settles every delivery itself; nothing may stop the next batch
      .finally(() => {
        this.running = undefined;
        this.next();
      });
  }
}
