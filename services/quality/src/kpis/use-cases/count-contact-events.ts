import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { ContactTallyRepository } from '../contact-tally.repository';
import { tallyIncrement, type TallyIncrement } from '../domain/contact-tally';

/** Each contact event adds one to its milestone; a batch's increments are written in one statement, in the handler's transaction. */
@Injectable()
export class CountContactEvents {
  constructor(private readonly tallies: ContactTallyRepository) {}

  async execute(manager: EntityManager, events: readonly KnownCloudEvent<EventTypesMatching<'contact.*'>>[]): Promise<void> {
    const increments = events.map(tallyIncrement).filter((increment): increment is TallyIncrement => increment !== undefined);
    await this.tallies.incrementMany(manager, increments);
  }
}
