import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';

/** Maps Genesys's own payloads onto catalogue events (POST /v1/adapters/genesys/...). */
@Module({
  imports: [IngestModule],
})
export class GenesysModule {}
