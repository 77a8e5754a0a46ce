import { Module } from '@nestjs/common';
import { ContactEventsHandler } from './contact-events.handler';
import { ContactTallyRepository } from './contact-tally.repository';
import { KpisController } from './kpis.controller';
import { CountContactEvent } from './use-cases/count-contact-event';
import { ListContactTallies } from './use-cases/list-contact-tallies';

/**
 * KPIs, laid out as every capability is: `domain/` (plain rules), a repository mapping rows to
 * domain objects, use cases, and the HTTP and message adapters that call them.
 */
@Module({
  controllers: [KpisController, ContactEventsHandler],
  providers: [ContactTallyRepository, CountContactEvent, ListContactTallies],
})
export class KpisModule {}
