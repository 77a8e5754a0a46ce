import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ContactTallyEntity } from './contact-tally.entity';
import type { ContactMilestone, ContactTally, TallyIncrement } from './domain/contact-tally';

/** Where tallies are kept: maps rows to domain tallies, and applies increments in the caller's transaction. */
@Injectable()
export class ContactTallyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds the increments in one statement, summed per queue and day (in key order, so concurrent batches lock rows in one order). */
  async incrementMany(manager: EntityManager, increments: readonly TallyIncrement[]): Promise<void> {
    const sums = new Map<string, { tenantId: string; queue: string; day: string } & Record<ContactMilestone, number>>();
    for (const { tenantId, queue, day, milestone } of increments) {
      const key = JSON.stringify([tenantId, queue, day]);
      const sum = sums.get(key) ?? { tenantId, queue, day, queued: 0, answered: 0, abandoned: 0, ended: 0 };
      sum[milestone] += 1;
      sums.set(key, sum);
    }
    if (sums.size === 0) return;
    const rows = [...sums.values()];
    await manager.query(
      `INSERT INTO quality.contact_tallies (tenant_id, queue, day, queued, answered, abandoned, ended)
       SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::int[], $5::int[], $6::int[], $7::int[]) ORDER BY 1, 2, 3
       ON CONFLICT (tenant_id, queue, day) DO UPDATE SET queued = contact_tallies.queued + excluded.queued,
         answered = contact_tallies.answered + excluded.answered, abandoned = contact_tallies.abandoned + excluded.abandoned,
         ended = contact_tallies.ended + excluded.ended`,
      [
        rows.map((r) => r.tenantId),
        rows.map((r) => r.queue),
        rows.map((r) => r.day),
        rows.map((r) => r.queued),
        rows.map((r) => r.answered),
        rows.map((r) => r.abandoned),
        rows.map((r) => r.ended),
      ],
    );
  }

  async forDay(tenantId: string, day: string): Promise<ContactTally[]> {
    const rows = await this.dataSource.getRepository(ContactTallyEntity).find({ where: { tenantId, day }, order: { queue: 'ASC' } });
    return rows.map(({ tenantId, queue, day, queued, answered, abandoned, ended }) => ({ tenantId, queue, day, queued, answered, abandoned, ended }));
  }
}
