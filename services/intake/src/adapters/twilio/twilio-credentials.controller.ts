import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { assertMayManageTenant } from '../../tenants/tenant-access';
import { TwilioAuthTokens } from './twilio-auth-tokens';

const setTwilioCredentials = z.object({
  // Twilio auth tokens are 32 hex characters today; any long, blank-free string is taken so a
  // format change on Twilio's side does not lock tenants out.
  authToken: z.string().regex(/^\S{16,256}$/, 'Expected the Twilio account auth token: 16 to 256 characters without spaces'),
});

/**
 * Sets the tenant's Twilio auth token, with which its TaskRouter callbacks are verified. The
 * tenant's own admins and platform operators may set it (the rule the API-key admin routes apply):
 * whoever sets it can sign that tenant's callbacks.
 */
@ApiTags('admin')
@Controller('v1/admin/tenants/:tenantId/credentials')
@Roles('admin')
export class TwilioCredentialsController {
  constructor(private readonly authTokens: TwilioAuthTokens) {}

  @Put('twilio')
  @HttpCode(204)
  @ApiOperation({ summary: "Set the tenant's Twilio auth token" })
  @ApiParam({ name: 'tenantId', description: 'The tenant whose Twilio account signs the callbacks' })
  @ApiBody({
    description: '`{ authToken }`: the Twilio account auth token (stored encrypted, never returned)',
    schema: zodApiSchema(setTwilioCredentials, 'input', 'SetTwilioCredentials'),
  })
  @ApiResponse({ status: 204, description: 'Stored with its `audit.recorded` (`credentials.set` or `credentials.replace`, never the secret), in one transaction (replacing any earlier token)' })
  @ApiResponse({ status: 400, description: 'problem+json: no usable authToken' })
  @ApiResponse({ status: 401, description: 'No valid JWT' })
  @ApiResponse({ status: 403, description: 'Not an admin of this tenant or a platform operator' })
  async setTwilio(@CurrentPrincipal() principal: Principal, @Param('tenantId') tenantId: string, @Body() body: unknown): Promise<void> {
    assertMayManageTenant(principal, tenantId, 'Twilio credentials');
    const { authToken } = parseOr400(setTwilioCredentials, body ?? {});
    await this.authTokens.set(tenantId, authToken, actorOf(principal));
  }
}
