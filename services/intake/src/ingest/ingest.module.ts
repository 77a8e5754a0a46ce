import { Module } from '@nestjs/common';
import { IntakeConfig } from '../config/intake-config';
import { TenantRateLimiter } from '../rate-limit/tenant-rate-limiter';
import { EventStore } from './event-store';
import { IngestPipeline } from './ingest-pipeline';

/** The ingest pipeline every entry point (generic events, platform adapters) goes through. */
@Module({
  providers: [IngestPipeline, EventStore, TenantRateLimiter, { provide: IntakeConfig, useFactory: () => new IntakeConfig() }],
  exports: [IngestPipeline],
})
export class IngestModule {}
