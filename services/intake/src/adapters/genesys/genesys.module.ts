import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';
import { GenesysController } from './genesys.controller';

/** Genesys Cloud conversations: analytics detail records (POST /v1/adapters/genesys/conversations) and live detail events (POST /v1/adapters/genesys/events). */
@Module({
  imports: [IngestModule],
  controllers: [GenesysController],
})
export class GenesysModule {}
