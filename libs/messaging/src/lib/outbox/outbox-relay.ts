import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { messagingMetrics } from '../metrics/messaging-metrics';
import type { EventPublisher } from '../publisher/event-publisher';
import { outboxChannel } from './messaging-tables';

export interface OutboxRelayOptions {
  schema: string;
  /** Rows claimed and published per transaction. */
  batchSize?: number;
  /** Polling fallback: NOTIFY is only a hint, lost while no one listens (e.g. during a reconnect). */
  pollIntervalMs?: number;
}

/**
 * Publishes the outbox with broker confirms. A batch is claimed with FOR UPDATE SKIP LOCKED, so
 * several replicas share the work without publishing a row twice, and deleted only in the
 * transaction that saw every publish confirmed; if anything fails the rows stay for the next pass.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private running = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
  }

  /** Idempotent: a hybrid Nest app runs bootstrap hooks again when its microservice starts. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    await this.listen();
    this.timer = setInterval(() => {
      this.wake();
      // Measured on the clock, not after every drain: under load drains run back to back.
      this.measureLag().catch(() => undefined);
    }, this.pollIntervalMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    clearInterval(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Starts a drain, or asks the running one to go round again. */
  wake(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain()
      .then(() => undefined)
      .finally(() => (this.draining = undefined));
  }

  /** Publishes until the outbox is empty; resolves with how many rows went out. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      do {
        this.wakeAgain = false;
        let published: number;
        do {
          published = await this.publishBatch();
          total += published;
          // A short batch means the outbox is empty, or another replica holds the rest and will
          // publish it; a notification that arrived meanwhile sends the loop round again.
        } while (published === this.batchSize && !this.stopping);
      } while (this.wakeAgain && !this.stopping);
    } catch (error) {
      this.logger.warn(`outbox relay paused, will retry: ${(error as Error).message}`);
    }
    return total;
  }

  private async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows: { id: string; payload: CloudEvent }[] = await runner.query(
        `SELECT id, payload FROM "${this.options.schema}".outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length > 0) {
        await this.publisher.publishAll(rows.map((r) => r.payload));
        await runner.query(`DELETE FROM "${this.options.schema}".outbox WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      }
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async measureLag(): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag
       FROM "${this.options.schema}".outbox`,
    );
    messagingMetrics.outboxPending.set(row.pending);
    messagingMetrics.outboxLagSeconds.set(row.lag);
  }

  private async listen(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: url });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`outbox listener lost (${error.message}); polling until it is back`);
      this.listener = undefined;
      setTimeout(() => this.reconnectListener(), this.pollIntervalMs).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`cannot LISTEN for outbox notifications (${(error as Error).message}); polling`);
      await client.end().catch(() => undefined);
      setTimeout(() => this.reconnectListener(), this.pollIntervalMs * 5).unref();
    }
  }

  private reconnectListener(): void {
    if (this.running && !this.listener) void this.listen();
  }
}
