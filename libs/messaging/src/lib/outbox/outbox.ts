import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { traced } from '../correlation/traced-event';
import { outboxChannel } from './messaging-tables';

/**
 * Adds events to the outbox inside the caller's transaction, so they are published if and only
 * if the transaction commits. The NOTIFY is delivered at commit and wakes the relay at once.
 * Each event without a trace of its own is stamped with the current one (`traceparent`).
 */
export class Outbox {
  constructor(private readonly schema: string) {}

  async add(manager: EntityManager, added: readonly CloudEvent[]): Promise<void> {
    if (added.length === 0) return;
    const events = added.map((event) => traced(event));
    // The insert and the NOTIFY in one round trip (a data-modifying CTE runs whether or not it is read).
    await manager.query(
      `WITH added AS (
         INSERT INTO "${this.schema}".outbox (event_id, tenant_id, type, payload)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
       )
       SELECT pg_notify($5, '')`,
      [
        events.map((e) => e.id),
        events.map((e) => e.tenantid),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e)),
        outboxChannel(this.schema),
      ],
    );
  }

  /**
   * For a service that writes its events and their outbox rows in one SQL statement (one round
   * trip instead of a transaction of several): the data-modifying CTEs that copy the rows of
   * `source` (columns event_id, tenant_id, type, payload) into the outbox and wake the relay.
   * Name the returned `notified` CTE in the statement's final SELECT so it runs.
   */
  cteFrom(source: string): string {
    return `outboxed AS (
      INSERT INTO "${this.schema}".outbox (event_id, tenant_id, type, payload)
      SELECT event_id, tenant_id, type, payload FROM ${source}
    ), notified AS (
      SELECT pg_notify('${outboxChannel(this.schema)}', '') FROM (SELECT 1 FROM ${source} LIMIT 1) AS any_row
    )`;
  }
}
