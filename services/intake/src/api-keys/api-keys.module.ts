import { Module } from '@nestjs/common';
import { API_KEY_VERIFIER } from '@hotline/platform';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { TypeOrmApiKeyVerifier } from './api-key.verifier';
import { ApiKeysService } from './api-keys.service';

/**
 * Tenants' API keys: the verifier the platform's auth guard asks (given to it in AppModule) and the
 * admin API.
 */
@Module({
  controllers: [AdminApiKeysController],
  providers: [TypeOrmApiKeyVerifier, { provide: API_KEY_VERIFIER, useExisting: TypeOrmApiKeyVerifier }, ApiKeysService],
  exports: [API_KEY_VERIFIER],
})
export class ApiKeysModule {}
