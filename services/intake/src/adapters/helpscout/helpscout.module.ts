import { Module } from '@nestjs/common';
import { AccessGuardModule } from '../../access-guard/access-guard.module';
import { IngestModule } from '../../ingest/ingest.module';
import { HelpScoutController } from './helpscout.controller';
import { HelpScoutCredentialsController } from './helpscout-credentials.controller';
import { HelpScoutRequestVerifier } from './helpscout-request-verifier';
import { HelpScoutSecretKeys } from './helpscout-secret-keys';

/**
 * Help Scout satisfaction ratings (POST /v1/adapters/helpscout/satisfaction-ratings?tenant=…) →
 * survey.completed, verified by X-HelpScout-Signature against the tenant's webhook secret key,
 * which admins set through PUT /v1/admin/tenants/:tenantId/credentials/helpscout.
 */
@Module({
  imports: [IngestModule, AccessGuardModule],
  controllers: [HelpScoutController, HelpScoutCredentialsController],
  providers: [HelpScoutSecretKeys, HelpScoutRequestVerifier],
})
export class HelpScoutModule {}
