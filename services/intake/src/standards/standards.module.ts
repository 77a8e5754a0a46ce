import { Module } from '@nestjs/common';
import { AdminStandardsController } from './admin-standards.controller';
import { StandardVersionsRepository } from './standard-versions.repository';
import { StandardVersionsService } from './standard-versions.service';

/** Tenants' standards: the admin API that keeps each version and publishes it (DESIGN decision 11). */
@Module({
  controllers: [AdminStandardsController],
  providers: [StandardVersionsRepository, StandardVersionsService],
})
export class StandardsModule {}
