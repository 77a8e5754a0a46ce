import { Module } from '@nestjs/common';
import { AccessGuardModule } from '../../access-guard/access-guard.module';
import { IngestModule } from '../../ingest/ingest.module';
import { TwilioAuthTokens } from './twilio-auth-tokens';
import { TwilioCallbacksController } from './twilio-callbacks.controller';
import { TwilioCredentialsController } from './twilio-credentials.controller';
import { TwilioRequestVerifier } from './twilio-request-verifier';

/**
 * Twilio TaskRouter event callbacks (POST /v1/adapters/twilio/taskrouter?tenant=…) and Voice status
 * and queue callbacks (POST /v1/adapters/twilio/voice?tenant=…), verified by
 * X-Twilio-Signature against the tenant's auth token, which admins set through
 * PUT /v1/admin/tenants/:tenantId/credentials/twilio.
 */
@Module({
  imports: [IngestModule, AccessGuardModule],
  controllers: [TwilioCallbacksController, TwilioCredentialsController],
  providers: [TwilioAuthTokens, TwilioRequestVerifier],
})
export class TwilioModule {}
