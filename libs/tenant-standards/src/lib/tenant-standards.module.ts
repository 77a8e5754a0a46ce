import { type DynamicModule, Module } from '@nestjs/common';
import { StandardsPublishedHandler } from './standards-published.handler';
import { StandardsController } from './standards.controller';
import { TenantStandardVersionsRepository } from './tenant-standard-versions.repository';
import { TENANT_STANDARDS_OPTIONS, type TenantStandardsOptions } from './tenant-standards-options';
import { TenantStandards } from './tenant-standards.service';

/**
 * A consumer's tenant standards: the `standards.published` handler that keeps every version,
 * `TenantStandards` (global, for any capability that judges) and `GET /v1/standards`. Add
 * `tenantStandardsMigration(schema)` to the service's migrations.
 */
@Module({})
export class TenantStandardsModule {
  static forRoot(options: TenantStandardsOptions): DynamicModule {
    return {
      module: TenantStandardsModule,
      global: true,
      controllers: [StandardsController, StandardsPublishedHandler],
      providers: [{ provide: TENANT_STANDARDS_OPTIONS, useValue: options }, TenantStandardVersionsRepository, TenantStandards],
      exports: [TenantStandards],
    };
  }
}
