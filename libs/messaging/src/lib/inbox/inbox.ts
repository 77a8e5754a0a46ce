import type { DataSource, EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';

export type InboxOutcome = 'applied' | 'duplicate';

/**
 * Applies a handler's effects and records the event's source and id in one transaction. A
 * redelivered event finds them already there and changes nothing; two concurrent deliveries of one
 * event serialise on the primary key, and the second sees the first's row once it commits. The same
 * id from another source is another event (CloudEvents identifies an event by source and id).
 */
export class Inbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async apply(consumer: string, event: CloudEvent, effects: (manager: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    const { applied } = await this.applyBatch(consumer, [event], (manager) => effects(manager));
    return applied.length === 1 ? 'applied' : 'duplicate';
  }

  /**
   * One transaction and one inbox insert for many events: `effects` gets the ones not seen before
   * (each once, in the given order), and everything commits or nothing does.
   */
  applyBatch<E extends CloudEvent>(
    consumer: string,
    events: readonly E[],
    effects: (manager: EntityManager, fresh: E[]) => Promise<void>,
  ): Promise<{ applied: E[]; duplicates: E[] }> {
    return this.dataSource.transaction(async (manager) => {
      // A row kept before the inbox knew sources (source '') still marks its id as seen.
      const inserted: { tenant_id: string; source: string; event_id: string }[] = await manager.query(
        `INSERT INTO "${this.schema}".inbox (consumer, tenant_id, source, event_id, type)
         SELECT $1, e.tenant_id, e.source, e.event_id, e.type
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS e(tenant_id, source, event_id, type)
         WHERE NOT EXISTS (
           SELECT 1 FROM "${this.schema}".inbox l WHERE l.consumer = $1 AND l.tenant_id = e.tenant_id AND l.source = '' AND l.event_id = e.event_id
         )
         ON CONFLICT DO NOTHING
         RETURNING tenant_id, source, event_id`,
        [consumer, events.map((e) => e.tenantid), events.map((e) => e.source), events.map((e) => e.id), events.map((e) => e.type)],
      );
      // Each new key belongs to the first event that carries it; a repeat in the batch is a duplicate.
      const fresh = new Set(inserted.map((row) => inboxKey(row.tenant_id, row.source, row.event_id)));
      const applied: E[] = [];
      const duplicates: E[] = [];
      for (const event of events) {
        (fresh.delete(inboxKey(event.tenantid, event.source, event.id)) ? applied : duplicates).push(event);
      }
      if (applied.length > 0) await effects(manager, applied);
      return { applied, duplicates };
    });
  }
}

function inboxKey(tenantId: string, source: string, eventId: string): string {
  return JSON.stringify([tenantId, source, eventId]);
}
