import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type CloudEvent, toCloudEvent, validateIncomingEvent, type ValidationIssue } from '@hotline/contracts';
import { Outbox } from '@hotline/messaging';
import { ValidationProblem } from '@hotline/platform';
import { firstOfEachId, partitionByFreshness, readBatch } from './domain/ingest-batch';

export interface IngestResult {
  accepted: string[];
  duplicates: string[];
}

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Validates every event first (a batch is all or nothing), then stores the new ones and their
   * outbox rows in one transaction. When this resolves, the events will be published.
   */
  async ingest(tenantId: string, body: unknown, correlationId?: string): Promise<IngestResult> {
    const shape = readBatch(body);
    if (!shape.ok) throw new ValidationProblem([{ path: '', message: shape.message }]);

    const errors: (ValidationIssue & { index?: number })[] = [];
    const events: CloudEvent[] = [];
    shape.items.forEach((item, index) => {
      const result = validateIncomingEvent(item);
      if (result.ok) events.push(toCloudEvent(result.event, { tenantId, correlationId }));
      else errors.push(...result.errors.map((e) => (shape.batch ? { index, ...e } : e)));
    });
    if (errors.length > 0) throw new ValidationProblem(errors);

    const unique = firstOfEachId(events);
    const stored = await this.dataSource.transaction(async (manager) => {
      const rows: { event_id: string }[] = await manager.query(
        `INSERT INTO intake.events (tenant_id, event_id, type, source, occurred_at, correlation_id, payload)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::jsonb[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [
          tenantId,
          unique.map((e) => e.id),
          unique.map((e) => e.type),
          unique.map((e) => e.source),
          unique.map((e) => e.time),
          unique.map((e) => e.correlationid ?? null),
          unique.map((e) => JSON.stringify(e)),
        ],
      );
      const fresh = new Set(rows.map((r) => r.event_id));
      await this.outbox.add(
        manager,
        unique.filter((e) => fresh.has(e.id)),
      );
      return fresh;
    });
    return partitionByFreshness(
      events.map((e) => e.id),
      stored,
    );
  }
}
