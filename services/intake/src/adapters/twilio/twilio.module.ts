import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';

/** Maps Twilio's own payloads onto catalogue events (POST /v1/adapters/twilio/...). */
@Module({
  imports: [IngestModule],
})
export class TwilioModule {}
