import { Module } from '@nestjs/common';
import { IntakeConfig } from '../config/intake-config';
import { TenantRateLimiter } from '../rate-limit/tenant-rate-limiter';
import { IngestPipeline } from './ingest-pipeline';

/** The ingest pipeline every entry point (generic events, platform adapters) goes through. */
@Module({
  providers: [IngestPipeline, TenantRateLimiter, { provide: IntakeConfig, useFactory: () => new IntakeConfig() }],
  exports: [IngestPipeline],
})
export class IngestModule {}
