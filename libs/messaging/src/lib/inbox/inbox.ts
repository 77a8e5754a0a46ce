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

  apply(consumer: string, event: CloudEvent, effects: (manager: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        // A row kept before the inbox knew sources (source '') still marks its id as seen.
        `INSERT INTO "${this.schema}".inbox (consumer, tenant_id, source, event_id, type)
         SELECT $1, $2, $3, $4, $5
         WHERE NOT EXISTS (SELECT 1 FROM "${this.schema}".inbox WHERE consumer = $1 AND tenant_id = $2 AND source = '' AND event_id = $4)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, event.tenantid, event.source, event.id, event.type],
      );
      if (inserted.length === 0) return 'duplicate';
      await effects(manager);
      return 'applied';
    });
  }
}
