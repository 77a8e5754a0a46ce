import { Module } from '@nestjs/common';
import { API_KEY_VERIFIER } from '@hotline/platform';
import { AccessGuardModule } from '../access-guard/access-guard.module';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { TypeOrmApiKeyVerifier } from './api-key.verifier';
import { ApiKeysService } from './api-keys.service';

/**
 * Tenants' API keys: the verifier the platform's auth guard asks, the admin API, and (through
 * AccessGuardModule) the listener that turns repeated key failures into `access.denied` events.
 */
@Module({
  imports: [AccessGuardModule],
  controllers: [AdminApiKeysController],
  providers: [TypeOrmApiKeyVerifier, { provide: API_KEY_VERIFIER, useExisting: TypeOrmApiKeyVerifier }, ApiKeysService],
  exports: [API_KEY_VERIFIER],
})
export class ApiKeysModule {}
