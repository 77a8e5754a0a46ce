import { Module } from '@nestjs/common';
import { IngestPipeline } from './ingest-pipeline';

/** The ingest pipeline every entry point (generic events, platform adapters) goes through. */
@Module({
  providers: [IngestPipeline],
  exports: [IngestPipeline],
})
export class IngestModule {}
