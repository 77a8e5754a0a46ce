import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { assertMayManageTenant } from '../../tenants/tenant-access';
import { HelpScoutSecretKeys } from './helpscout-secret-keys';

const setHelpScoutCredentials = z.object({
  // Help Scout takes a secret of up to 40 characters, chosen by whoever sets up the webhook; fewer
  // than 8 would be easy to guess from one signed delivery.
  secretKey: z.string().regex(/^\S{8,40}$/, 'Expected the Help Scout webhook secret key: 8 to 40 characters without spaces'),
});

/**
 * Sets the secret key of the tenant's Help Scout webhook, with which its deliveries are verified.
 * The tenant's own admins and platform operators may set it (the rule of the Twilio credentials
 * route): whoever sets it can sign that tenant's ratings.
 */
@ApiTags('admin')
@Controller('v1/admin/tenants/:tenantId/credentials')
@Roles('admin')
export class HelpScoutCredentialsController {
  constructor(private readonly secretKeys: HelpScoutSecretKeys) {}

  @Put('helpscout')
  @HttpCode(204)
  @ApiOperation({ summary: "Set the secret key of the tenant's Help Scout webhook" })
  @ApiParam({ name: 'tenantId', description: 'The tenant whose Help Scout webhook signs the deliveries' })
  @ApiBody({
    description: '`{ secretKey }`: the secret key entered in the Help Scout webhook (stored encrypted, never returned)',
    schema: zodApiSchema(setHelpScoutCredentials, 'input', 'SetHelpScoutCredentials'),
  })
  @ApiResponse({ status: 204, description: 'Stored with its `audit.recorded` (`credentials.set` or `credentials.replace`, never the secret), in one transaction (replacing any earlier key)' })
  @ApiResponse({ status: 400, description: 'problem+json: no usable secretKey' })
  @ApiResponse({ status: 401, description: 'No valid JWT' })
  @ApiResponse({ status: 403, description: 'Not an admin of this tenant or a platform operator' })
  async setHelpScout(@CurrentPrincipal() principal: Principal, @Param('tenantId') tenantId: string, @Body() body: unknown): Promise<void> {
    assertMayManageTenant(principal, tenantId, 'Help Scout credentials');
    const { secretKey } = parseOr400(setHelpScoutCredentials, body ?? {});
    await this.secretKeys.set(tenantId, secretKey, actorOf(principal));
  }
}
