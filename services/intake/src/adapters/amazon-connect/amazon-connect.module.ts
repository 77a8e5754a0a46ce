import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';

/** Maps AmazonConnect's own payloads onto catalogue events (POST /v1/adapters/amazon-connect/...). */
@Module({
  imports: [IngestModule],
})
export class AmazonConnectModule {}
