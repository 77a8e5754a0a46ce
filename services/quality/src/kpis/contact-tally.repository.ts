import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ContactTallyEntity } from './contact-tally.entity';
import type { ContactTally, TallyIncrement } from './domain/contact-tally';

/** Where tallies are kept: maps rows to domain tallies, and applies increments in the caller's transaction. */
@Injectable()
export class ContactTallyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(manager: EntityManager, { tenantId, queue, day, milestone }: TallyIncrement): Promise<void> {
    // `milestone` is one of four column names (ContactMilestone), never input text.
    await manager.query(
      `INSERT INTO quality.contact_tallies (tenant_id, queue, day, ${milestone}) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, queue, day) DO UPDATE SET ${milestone} = contact_tallies.${milestone} + 1`,
      [tenantId, queue, day],
    );
  }

  async forDay(tenantId: string, day: string): Promise<ContactTally[]> {
    const rows = await this.dataSource.getRepository(ContactTallyEntity).find({ where: { tenantId, day }, order: { queue: 'ASC' } });
    return rows.map(({ tenantId, queue, day, queued, answered, abandoned, ended }) => ({ tenantId, queue, day, queued, answered, abandoned, ended }));
  }
}
