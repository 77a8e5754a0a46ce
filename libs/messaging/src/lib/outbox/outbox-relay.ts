import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { messagingMetrics } from '../metrics/messaging-metrics';
import type { EventPublisher } from '../publisher/event-publisher';
import { routingKeyOf } from '../amqp/cloud-event-codec';
import { UnpublishableEvent } from '../amqp/unpublishable-event';
import { WakeablePoller } from '../claim-loop/wakeable-poller';
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
  private readonly maxAttempts: number;
  private readonly parked: ParkedOutbox;
  private readonly poller: WakeablePoller;
  private parkedCount = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.claimLimit = this.batchSize;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.parked = new ParkedOutbox(options.schema);
    this.poller = new WakeablePoller(dataSource, {
      name: 'outbox relay',
      logContext: OutboxRelay.name,
      channel: outboxChannel(options.schema),
      pollIntervalMs: options.pollIntervalMs ?? 1_000,
      pass: () => this.pass(),
      onTick: () => this.measureLag(),
    });
  }

  parkedRows(): number {
    return this.parkedCount;
  }

  /** Idempotent: a hybrid Nest app runs bootstrap hooks again when its microservice starts. */
  start(): Promise<void> {
    return this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Starts a drain, or asks the running one to go round again. */
  wake(): void {
    this.poller.wake();
  }

  /** Publishes until the outbox is empty; resolves with how many rows went out. */
  drain(): Promise<number> {
    return this.poller.drain();
  }

  private async pass(): Promise<{ done: number; more: boolean }> {
    // Publishes of a timed-out batch left on the channel still go out; adding the batch again on
    // top would only slow a struggling broker further. Wait (for the next wake-up) until they have.
    if (this.publisher.backlog() > 0) return { done: 0, more: false };
    try {
      const batch = await this.publishBatch();
      this.claimLimit = Math.min(this.batchSize, batch.limit * 2);
      return { done: batch.published, more: batch.claimed === batch.limit };
    } catch (error) {
      // A broker too slow to confirm a whole batch in time gets smaller ones until it keeps up, so
      // the relay always makes progress; an unreachable one is waited for at the same size.
      if (this.publisher.isConnected() && (error as Error).message === 'timeout') this.claimLimit = Math.max(1, Math.floor(this.claimLimit / 2));
      throw error;
    }
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
    // One round trip a tick for the three gauges.
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS lag,
              (SELECT count(*)::int FROM "${this.options.schema}".outbox_parked) AS parked
       FROM "${this.options.schema}".outbox`,
    );
    messagingMetrics.outboxPending.set(row.pending);
    messagingMetrics.outboxLagSeconds.set(row.lag);
    this.parkedCount = row.parked;
    messagingMetrics.outboxParkedRows.set(this.parkedCount);
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
