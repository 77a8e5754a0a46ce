import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { ContactTallyEntity } from './contact-tally.entity';
import { milestoneOf, tallyDay, UNKNOWN_QUEUE } from './domain/contact-tally';

type ContactEvent = KnownCloudEvent<EventTypesMatching<'contact.*'>>;

@Injectable()
export class ContactTalliesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds one to the contact's milestone (a transfer is none); called once per event, in the handler's transaction. */
  async count(manager: EntityManager, event: ContactEvent): Promise<void> {
    const milestone = milestoneOf(event.type);
    if (!milestone) return;
    const queue = ('queue' in event.data && event.data.queue) || UNKNOWN_QUEUE;
    await manager.query(
      `INSERT INTO quality.contact_tallies (tenant_id, queue, day, ${milestone}) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, queue, day) DO UPDATE SET ${milestone} = contact_tallies.${milestone} + 1`,
      [event.tenantid, queue, tallyDay(event.time)],
    );
  }

  list(tenantId: string, day: string): Promise<ContactTallyEntity[]> {
    return this.dataSource.getRepository(ContactTallyEntity).find({ where: { tenantId, day }, order: { queue: 'ASC' } });
  }
}
