import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';
import { ZendeskController } from './zendesk.controller';

/** Zendesk satisfaction ratings (POST /v1/adapters/zendesk/satisfaction-ratings) → survey.completed. */
@Module({
  imports: [IngestModule],
  controllers: [ZendeskController],
})
export class ZendeskModule {}
