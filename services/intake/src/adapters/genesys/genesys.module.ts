import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';
import { GenesysController } from './genesys.controller';

/** Genesys Cloud analytics conversation detail records (POST /v1/adapters/genesys/conversations). */
@Module({
  imports: [IngestModule],
  controllers: [GenesysController],
})
export class GenesysModule {}
