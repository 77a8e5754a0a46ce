import { Controller } from '@nestjs/common';
import type { EventTypesMatching, KnownCloudEvent } from '@hotline/contracts';
import { type EventTransaction, OnEvent } from '@hotline/messaging';
import { CountContactEvent } from './use-cases/count-contact-event';

/** Consumes `quality.kpis`: every contact event feeds the tallies the KPIs are computed from. */
@Controller()
export class ContactEventsHandler {
  constructor(private readonly countContactEvent: CountContactEvent) {}

  @OnEvent('contact.*', { queue: 'kpis' })
  async onContactEvent(event: KnownCloudEvent<EventTypesMatching<'contact.*'>>, tx: EventTransaction): Promise<void> {
    await this.countContactEvent.execute(tx.manager, event);
  }
}
