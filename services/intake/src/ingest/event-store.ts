import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';
import { Outbox } from '@hotline/messaging';

export interface StoreRequest {
  tenantId: string;
  events: readonly CloudEvent[];
  original?: { adapter: string; payload: unknown };
}

interface Pending extends StoreRequest {
  resolve(fresh: Set<string>): void;
  reject(error: unknown): void;
}

/** Transactions in flight at once; the pool has 10 connections and the API-key check needs some. */
const MAX_CONCURRENT_COMMITS = 4;

/**
 * Stores accepted events, their outbox rows and original deliveries durably, grouping the requests
 * that arrive while earlier commits are in flight into one transaction (group commit). At low load
 * a request commits at once; under load many share one commit, which is what bounds throughput
 * (each commit waits for the WAL to reach disk). Each request still gets only its own answer.
 */
@Injectable()
export class EventStore {
  private readonly waiting: Pending[] = [];
  private commitsInFlight = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Resolves, once committed, with the ids of this request's events that were new for the tenant. */
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
    this.commit(group)
      .then(
        (freshByRequest) => group.forEach((request, i) => request.resolve(freshByRequest[i])),
        (error) => group.forEach((request) => request.reject(error)),
      )
      .finally(() => {
        this.commitsInFlight--;
        this.commitNext();
      });
  }

  private commit(group: readonly Pending[]): Promise<Set<string>[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = group.flatMap((request) => request.events.map((event) => ({ tenantId: request.tenantId, event })));
      const inserted = await this.insertEvents(manager, rows);
      // An id new to the tenant belongs to the first request in the group that sent it.
      const freshByRequest = group.map((request) => {
        const fresh = new Set<string>();
        for (const event of request.events) {
          const key = `${request.tenantId}\u0000${event.id}`;
          if (inserted.delete(key)) fresh.add(event.id);
        }
        return fresh;
      });
      const toPublish = group.flatMap((request, i) => request.events.filter((event) => freshByRequest[i].has(event.id)));
      await this.outbox.add(manager, toPublish);
      await this.insertOriginals(manager, group);
      return freshByRequest;
    });
  }

  /** Inserts every row whose (tenant, id) is new; returns those as `tenant\0id` keys. */
  private async insertEvents(manager: EntityManager, rows: { tenantId: string; event: CloudEvent }[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted: { tenant_id: string; event_id: string }[] = await manager.query(
      `INSERT INTO intake.events (tenant_id, event_id, type, source, occurred_at, correlation_id, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::jsonb[])
       ON CONFLICT DO NOTHING RETURNING tenant_id, event_id`,
      [
        rows.map((r) => r.tenantId),
        rows.map((r) => r.event.id),
        rows.map((r) => r.event.type),
        rows.map((r) => r.event.source),
        rows.map((r) => r.event.time),
        rows.map((r) => r.event.correlationid ?? null),
        rows.map((r) => JSON.stringify(r.event)),
      ],
    );
    return new Set(inserted.map((r) => `${r.tenant_id}\u0000${r.event_id}`));
  }

  private async insertOriginals(manager: EntityManager, group: readonly Pending[]): Promise<void> {
    const withOriginal = group.filter((request) => request.original);
    if (withOriginal.length === 0) return;
    await manager.query(
      `INSERT INTO intake.deliveries (tenant_id, adapter, payload, event_ids)
       SELECT t, a, p, ARRAY(SELECT jsonb_array_elements_text(e)) FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[]) AS u(t, a, p, e)`,
      [
        withOriginal.map((r) => r.tenantId),
        withOriginal.map((r) => r.original?.adapter),
        withOriginal.map((r) => JSON.stringify(r.original?.payload)),
        withOriginal.map((r) => JSON.stringify(r.events.map((e) => e.id))),
      ],
    );
  }
}
