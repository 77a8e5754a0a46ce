import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { ClockContactEvent } from './use-cases/clock-contact-event';

/** Consumes `dispatch.contacts`: every contact event moves its answer clock, in batches. */
@Controller()
export class ContactEventsHandler {
  constructor(private readonly clockContactEvent: ClockContactEvent) {}

  @OnEvent('contact.*', { queue: 'contacts' })
  async onContactEvent(event: KnownCloudEvent<EventTypesMatching<'contact.*'>>, tx: EventTransaction): Promise<void> {
    await this.clockContactEvent.execute(tx, event);
  }
}
