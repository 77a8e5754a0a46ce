import { Module } from '@nestjs/common';
import { IngestModule } from '../../ingest/ingest.module';
import { GenesysSurveysController } from './genesys-surveys.controller';

/** Genesys Cloud web survey results (POST /v1/adapters/genesys/surveys) → survey.completed. */
@Module({
  imports: [IngestModule],
  controllers: [GenesysSurveysController],
})
export class GenesysSurveysModule {}
