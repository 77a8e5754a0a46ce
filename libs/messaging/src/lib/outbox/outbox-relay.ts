import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { messagingMetrics } from '../metrics/messaging-metrics';
import type { EventPublisher } from '../publisher/event-publisher';
import { routingKeyOf } from '../amqp/cloud-event-codec';
import { UnpublishableEvent } from '../amqp/unpublishable-event';
import { outboxChannel } from './messaging-tables';
import { ParkedOutbox, type SqlRunner } from './parked-outbox';
import { type OneByOneOutcome, type OutboxRow, publishOneByOne } from './publish-one-by-one';

export interface OutboxRelayOptions {
  schema: string;
  /** Rows claimed and published per transaction. */
  batchSize?: number;
  /** Polling fallback: NOTIFY is only a hint, lost while no one listens (e.g. during a reconnect). */
  pollIntervalMs?: number;
  /** Publishes the broker may refuse a row before it is parked (default 3). */
  maxAttempts?: number;
}

/** Injection token for the relay's status; `/health` reports parked rows as degraded. */
export const OUTBOX_STATUS = Symbol('HOTLINE_OUTBOX_STATUS');

/** What `/health` reports of the relay. */
export interface OutboxStatus {
  /** Rows parked because they could not be published; more than none means degraded. */
  parkedRows(): number;
}

/**
 * Publishes the outbox with broker confirms. A batch is claimed with FOR UPDATE SKIP LOCKED, so
 * several replicas share the work without publishing a row twice, and a row is deleted only in the
 * transaction that saw its publish confirmed. One row never holds back the others: a row that cannot
 * be encoded is parked at once, and one the broker refuses (alone, while it takes the rest) is
 * parked after `maxAttempts`, each with its reason, for `npx hotline outbox list|retry`. While the
 * broker is away nothing is blamed on the rows: they stay for the next pass.
 */
export class OutboxRelay implements OutboxStatus {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  /** Rows claimed per pass: the batch size, halved after each batch the broker did not confirm in time. */
  private claimLimit: number;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly parked: ParkedOutbox;
  private parkedCount = 0;
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
    this.claimLimit = this.batchSize;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.parked = new ParkedOutbox(options.schema);
  }

  parkedRows(): number {
    return this.parkedCount;
  }

  /** Idempotent: a hybrid Nest app runs bootstrap hooks again when its microservice starts. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    await this.listen();
    await this.measureLag().catch(() => undefined);
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
    // Publishes a timed-out batch left on the channel still go out; adding the batch again on top
    // would only slow a struggling broker further. Wait (for the next wake-up) until they have.
    if (this.publisher.backlog() > 0) return total;
    try {
      do {
        this.wakeAgain = false;
        let batch: { claimed: number; published: number; limit: number };
        do {
          batch = await this.publishBatch();
          total += batch.published;
          // A short batch means the outbox is empty, or another replica holds the rest and will
          // publish it; a notification that arrived meanwhile sends the loop round again.
        } while (batch.claimed === batch.limit && !this.stopping);
      } while (this.wakeAgain && !this.stopping);
    } catch (error) {
      // A broker too slow to confirm a whole batch in time gets smaller ones until it keeps up, so
      // the relay always makes progress; an unreachable one is waited for at the same size.
      if (this.publisher.isConnected() && (error as Error).message === 'timeout') this.claimLimit = Math.max(1, Math.floor(this.claimLimit / 2));
      this.logger.warn(`outbox relay paused, will retry with batches of ${this.claimLimit}: ${(error as Error).message}`);
    }
    return total;
  }

  /** Claims a batch and settles every row in it: published, parked, or kept with a failed attempt. */
  private async publishBatch(): Promise<{ claimed: number; published: number; limit: number }> {
    const limit = this.claimLimit;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const sql: SqlRunner = (text, params) => runner.query(text, params);
    let brokerAway: Error | undefined;
    let claimed: OutboxRow<CloudEvent>[] = [];
    let published = 0;
    try {
      await runner.startTransaction();
      claimed = await runner.query(
        `SELECT id::text, payload FROM "${this.options.schema}".outbox ORDER BY outbox.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      const { publishable, unpublishable } = splitByRoutability(claimed);
      const outcome = await this.publish(publishable);
      brokerAway = outcome.brokerAway;
      published = outcome.published.length;
      const attempts = await this.parked.recordFailures(sql, outcome.refused);
      const toPark = [
        ...unpublishable,
        ...outcome.refused.filter((r) => (attempts.get(r.id) ?? 0) >= this.maxAttempts),
      ];
      if (outcome.published.length > 0) {
        await runner.query(`DELETE FROM "${this.options.schema}".outbox WHERE id = ANY($1::bigint[])`, [outcome.published]);
      }
      await this.park(sql, toPark);
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    // What went out is committed; a broker that went away pauses the drain until the next wake-up.
    if (brokerAway) throw brokerAway;
    this.claimLimit = Math.min(this.batchSize, limit * 2);
    return { claimed: claimed.length, published, limit };
  }

  /** The whole batch at once; if that fails, one by one, so one bad row cannot hold the others. */
  private async publish(rows: readonly OutboxRow<CloudEvent>[]): Promise<OneByOneOutcome> {
    if (rows.length === 0) return { published: [], refused: [] };
    try {
      await this.publisher.publishAll(rows.map((r) => r.payload));
      return { published: rows.map((r) => r.id), refused: [] };
    } catch (error) {
      if (this.isBrokerAway(error as Error)) throw error;
      return publishOneByOne(rows, (event) => this.publisher.publish(event), (e) => this.isBrokerAway(e));
    }
  }

  private isBrokerAway(error: Error): boolean {
    // amqp-connection-manager rejects with 'timeout' when no confirm came in time.
    return !this.publisher.isConnected() || error.message === 'timeout';
  }

  private async park(sql: SqlRunner, rows: readonly { id: string; reason: string }[]): Promise<void> {
    if (rows.length === 0) return;
    const parked = await this.parked.park(sql, rows);
    messagingMetrics.outboxParked.inc(parked);
    this.parkedCount += parked;
    for (const row of rows) this.logger.error(`outbox row ${row.id} parked, the rows behind it flow on: ${row.reason}`);
  }

  private async measureLag(): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag
       FROM "${this.options.schema}".outbox`,
    );
    messagingMetrics.outboxPending.set(row.pending);
    messagingMetrics.outboxLagSeconds.set(row.lag);
    this.parkedCount = await this.parked.count((text, params) => this.dataSource.query(text, params));
    messagingMetrics.outboxParkedRows.set(this.parkedCount);
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

/** Rows the broker could route, and the rest with why not: an unroutable row is parked at once. */
function splitByRoutability(rows: readonly OutboxRow<CloudEvent>[]): {
  publishable: OutboxRow<CloudEvent>[];
  unpublishable: { id: string; reason: string }[];
} {
  const publishable: OutboxRow<CloudEvent>[] = [];
  const unpublishable: { id: string; reason: string }[] = [];
  for (const row of rows) {
    try {
      routingKeyOf(row.payload);
      publishable.push(row);
    } catch (error) {
      if (!(error instanceof UnpublishableEvent)) throw error;
      unpublishable.push({ id: row.id, reason: error.message });
    }
  }
  return { publishable, unpublishable };
}
