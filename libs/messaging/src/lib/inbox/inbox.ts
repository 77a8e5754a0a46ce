import type { DataSource, EntityManager } from 'typeorm';
import type { CloudEvent } from '@hotline/contracts';

export type InboxOutcome = 'applied' | 'duplicate';

/**
 * Applies a handler's effects and records the event id in one transaction. A redelivered event
 * finds its id already there and changes nothing; two concurrent deliveries of one event
 * serialise on the primary key, and the second sees the first's row once it commits.
 */
export class Inbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  apply(consumer: string, event: CloudEvent, effects: (manager: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${this.schema}".inbox (consumer, tenant_id, event_id, type) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, event.tenantid, event.id, event.type],
      );
      if (inserted.length === 0) return 'duplicate';
      await effects(manager);
      return 'applied';
    });
  }
}
