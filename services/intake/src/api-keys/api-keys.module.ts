import { Module } from '@nestjs/common';
import { API_KEY_VERIFIER } from '@hotline/platform';
import { TypeOrmApiKeyVerifier } from './api-key.verifier';

@Module({
  providers: [{ provide: API_KEY_VERIFIER, useClass: TypeOrmApiKeyVerifier }],
  exports: [API_KEY_VERIFIER],
})
export class ApiKeysModule {}
