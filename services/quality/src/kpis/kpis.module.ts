import { Module } from '@nestjs/common';
import { ContactEventsHandler } from './contact-events.handler';
import { ContactTalliesService } from './contact-tallies.service';
import { KpisController } from './kpis.controller';

@Module({
  controllers: [KpisController, ContactEventsHandler],
  providers: [ContactTalliesService],
})
export class KpisModule {}
