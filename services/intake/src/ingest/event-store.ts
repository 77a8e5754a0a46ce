import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { isDependencyUnavailable, Outbox } from '@hotline/messaging';
import { eventKey } from './domain/ingest-batch';
import { isRefusedData, refusedDataProblem } from './refused-data-problem';

export interface StoreRequest {
  tenantId: string;
  events: readonly CloudEvent[];
  original?: { adapter: string; payload: unknown };
}

interface Pending extends StoreRequest {
  resolve(fresh: Set<string>): void;
  reject(error: unknown): void;
}

/** Statements in flight at once; the pool has 10 connections and the API-key check needs some. */
const MAX_CONCURRENT_COMMITS = 4;

/**
 * Stores accepted events, their outbox rows and original deliveries durably, grouping the requests
 * that arrive while earlier commits are in flight into one statement (group commit). At low load
 * a request commits at once; under load many share one commit, which is what bounds throughput
 * (each commit waits for the WAL to reach disk). Each request still gets only its own answer.
 */
@Injectable()
export class EventStore {
  private readonly waiting: Pending[] = [];
  private commitsInFlight = 0;
  private readonly statement: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    outbox: Outbox,
  ) {
    // One statement, so one round trip and atomic without BEGIN/COMMIT: the new events, their
    // outbox rows and NOTIFY, and the original deliveries (data-modifying CTEs always run).
    this.statement = `
      WITH inserted AS (
        INSERT INTO intake.events (tenant_id, event_id, type, source, occurred_at, correlation_id, payload)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::jsonb[])
        ON CONFLICT DO NOTHING
        RETURNING tenant_id, source, event_id, type, payload
      ), ${outbox.cteFrom('inserted')}, delivered AS (
        INSERT INTO intake.deliveries (tenant_id, adapter, payload, event_ids)
        SELECT t, a, p, ARRAY(SELECT jsonb_array_elements_text(e)) FROM unnest($8::text[], $9::text[], $10::jsonb[], $11::jsonb[]) AS u(t, a, p, e)
      )
      SELECT tenant_id, source, event_id FROM inserted LEFT JOIN notified ON true`;
  }

  /** Resolves, once committed, with the keys (`eventKey`: source and id) of this request's events that were new for the tenant. */
  store(request: StoreRequest): Promise<Set<string>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...request, resolve, reject });
      this.commitNext();
    });
  }

  private commitNext(): void {
    if (this.commitsInFlight >= MAX_CONCURRENT_COMMITS || this.waiting.length === 0) return;
    const group = this.waiting.splice(0, this.waiting.length);
    this.commitsInFlight++;
    void this.settle(group).finally(() => {
      this.commitsInFlight--;
      this.commitNext();
    });
  }

  /**
   * Commits a group and answers each request. One statement fails whole, so when it fails for
   * anything but a lost database (every request would fail alike: 503), the group is split in
   * halves committed in turn, until the failing request stands alone and gets its own error; the
   * others commit as if it had never come. Nothing of a failed statement was applied.
   */
  private async settle(group: readonly Pending[]): Promise<void> {
    try {
      const freshByRequest = await this.commit(group);
      group.forEach((request, i) => request.resolve(freshByRequest[i]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(isRefusedData(error) ? refusedDataProblem(error) : error);
      if (isDependencyUnavailable(error)) return group.forEach((request) => request.reject(error));
      // Halves in order, so an id sent by two requests still goes to the earlier one.
      const half = Math.ceil(group.length / 2);
      await this.settle(group.slice(0, half));
      await this.settle(group.slice(half));
    }
  }

  private async commit(group: readonly Pending[]): Promise<Set<string>[]> {
    const rows = group.flatMap((request) => request.events.map((event) => ({ tenantId: request.tenantId, event })));
    const originals = group.filter((request) => request.original);
    const inserted: { tenant_id: string; source: string; event_id: string }[] = await this.dataSource.query(this.statement, [
      rows.map((r) => r.tenantId),
      rows.map((r) => r.event.id),
      rows.map((r) => r.event.type),
      rows.map((r) => r.event.source),
      rows.map((r) => r.event.time),
      rows.map((r) => r.event.correlationid ?? null),
      rows.map((r) => JSON.stringify(r.event)),
      originals.map((r) => r.tenantId),
      originals.map((r) => r.original?.adapter),
      originals.map((r) => JSON.stringify(r.original?.payload)),
      originals.map((r) => JSON.stringify(r.events.map((e) => e.id))),
    ]);
    const fresh = new Set(inserted.map((r) => JSON.stringify([r.tenant_id, eventKey({ source: r.source, id: r.event_id })])));
    // A (source, id) new to the tenant belongs to the first request in the group that sent it.
    return group.map((request) => {
      const mine = new Set<string>();
      for (const event of request.events) {
        const key = eventKey(event);
        if (fresh.delete(JSON.stringify([request.tenantId, key]))) mine.add(key);
      }
      return mine;
    });
  }
}
