import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { ContactTallyRepository } from '../contact-tally.repository';
import { tallyIncrement } from '../domain/contact-tally';

/** A contact event adds one to its milestone; called once per event, in the handler's transaction. */
@Injectable()
export class CountContactEvent {
  constructor(private readonly tallies: ContactTallyRepository) {}

  async execute(manager: EntityManager, event: KnownCloudEvent<EventTypesMatching<'contact.*'>>): Promise<void> {
    const increment = tallyIncrement(event);
    if (increment) await this.tallies.increment(manager, increment);
  }
}
