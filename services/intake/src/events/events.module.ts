import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { EventsController } from './events.controller';

@Module({
  imports: [IngestModule],
  controllers: [EventsController],
})
export class EventsModule {}
