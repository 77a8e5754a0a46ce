import { Module } from '@nestjs/common';
import { AccessGuardModule } from '../../access-guard/access-guard.module';
import { IngestModule } from '../../ingest/ingest.module';
import { TaskRouterController } from './taskrouter.controller';
import { TaskRouterRequestVerifier } from './taskrouter-request-verifier';
import { TwilioAuthTokens } from './twilio-auth-tokens';
import { TwilioCredentialsController } from './twilio-credentials.controller';

/**
 * Twilio TaskRouter event callbacks (POST /v1/adapters/twilio/taskrouter?tenant=…), verified by
 * X-Twilio-Signature against the tenant's auth token, which admins set through
 * PUT /v1/admin/tenants/:tenantId/credentials/twilio.
 */
@Module({
  imports: [IngestModule, AccessGuardModule],
  controllers: [TaskRouterController, TwilioCredentialsController],
  providers: [TwilioAuthTokens, TaskRouterRequestVerifier],
})
export class TwilioModule {}
