import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type CloudEvent, toCloudEvent, validateIncomingEvent } from '@hotline/contracts';
import { CorrelationContext, Outbox } from '@hotline/messaging';
import { type ProblemFieldError, ValidationProblem } from '@hotline/platform';
import { TenantRateLimiter } from '../rate-limit/tenant-rate-limiter';
import { firstOfEachId, partitionByFreshness } from './domain/ingest-batch';

export interface IngestResult {
  accepted: string[];
  duplicates: string[];
}

export interface IngestOptions {
  /** Report each error with the index of its event (a batch), or without (a single event). */
  indexed?: boolean;
  /** The platform's own payload, kept for audit beside the events mapped from it. */
  original?: { adapter: string; payload: unknown };
}

/**
 * The one way into Hotline: validates platform events (a batch is all or nothing), then stores the
 * new ones, their outbox rows and the original delivery in one transaction. When `ingest`
 * resolves, every accepted event will be published; a resent id is reported as a duplicate.
 */
@Injectable()
export class IngestPipeline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly rateLimiter: TenantRateLimiter,
  ) {}

  async ingest(tenantId: string, items: readonly unknown[], options: IngestOptions = {}): Promise<IngestResult> {
    this.rateLimiter.admit(tenantId, items.length);
    const events = this.validate(tenantId, items, options.indexed ?? items.length > 1);
    const unique = firstOfEachId(events);
    const stored = await this.dataSource.transaction(async (manager) => {
      const fresh = await this.storeEvents(manager, tenantId, unique);
      await this.outbox.add(
        manager,
        unique.filter((e) => fresh.has(e.id)),
      );
      if (options.original) await this.storeOriginal(manager, tenantId, options.original, unique);
      return fresh;
    });
    return partitionByFreshness(
      events.map((e) => e.id),
      stored,
    );
  }

  private validate(tenantId: string, items: readonly unknown[], indexed: boolean): CloudEvent[] {
    const correlationId = CorrelationContext.current()?.correlationId;
    const errors: ProblemFieldError[] = [];
    const events: CloudEvent[] = [];
    items.forEach((item, index) => {
      const result = validateIncomingEvent(item);
      if (result.ok) events.push(toCloudEvent(result.event, { tenantId, correlationId }));
      else errors.push(...result.errors.map((e) => (indexed ? { index, ...e } : e)));
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    return events;
  }

  /** Inserts the events whose id is new for the tenant; returns those ids. */
  private async storeEvents(manager: EntityManager, tenantId: string, events: readonly CloudEvent[]): Promise<Set<string>> {
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO intake.events (tenant_id, event_id, type, source, occurred_at, correlation_id, payload)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::jsonb[])
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [
        tenantId,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.source),
        events.map((e) => e.time),
        events.map((e) => e.correlationid ?? null),
        events.map((e) => JSON.stringify(e)),
      ],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  private async storeOriginal(
    manager: EntityManager,
    tenantId: string,
    original: NonNullable<IngestOptions['original']>,
    events: readonly CloudEvent[],
  ): Promise<void> {
    await manager.query(`INSERT INTO intake.deliveries (tenant_id, adapter, payload, event_ids) VALUES ($1, $2, $3, $4)`, [
      tenantId,
      original.adapter,
      JSON.stringify(original.payload),
      events.map((e) => e.id),
    ]);
  }
}
