import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, ValidationProblem, zodApiSchema } from '@hotline/platform';
import { apiKeyViewSchema, createdApiKeySchema } from './api-key-responses';
import { type ApiKeyView, ApiKeysService, type CreatedApiKey } from './api-keys.service';
import { API_KEY_SCOPES } from './domain/api-key-scopes';
import { createApiKeyRequest } from './domain/create-api-key-request';
import { assertMayManageTenant, RESERVED_TENANTS } from '../tenants/tenant-access';

/**
 * Tenants' API keys, for admins. A platform operator (JWT tenant `*` or `_platform`) manages every
 * tenant; any other admin only the tenant its token names (else 403). See `tenants/tenant-access.ts`.
 */
@ApiTags('admin')
@Controller('v1/admin/tenants/:tenantId/api-keys')
@Roles('admin')
@ApiParam({ name: 'tenantId', description: "The tenant whose keys these are; a tenant admin's own tenant" })
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Not an admin, or an admin of another tenant' })
export class AdminApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: "Create an API key for a tenant's platform", description: 'Publishes `audit.recorded` (`api_key.create`: name, prefix, scopes; never the key) with the key, in one transaction.' })
  @ApiBody({
    description: `\`{ name, scopes? }\`; scopes from ${API_KEY_SCOPES.join(', ')} (default events:write)`,
    schema: zodApiSchema(createApiKeyRequest, 'input', 'CreateApiKeyRequest'),
  })
  @ApiResponse({ status: 201, schema: zodApiSchema(createdApiKeySchema, 'output', 'CreatedApiKey'), description: '`{ id, tenantId, name, prefix, scopes, createdAt, key }`: the key is shown this once only' })
  @ApiResponse({ status: 400, description: 'problem+json naming each invalid field, e.g. an unknown scope' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('tenantId') tenantId: string,
    @Body() body: unknown,
  ): Promise<CreatedApiKey> {
    assertMayManageTenant(principal, tenantId, 'API keys');
    if (RESERVED_TENANTS.includes(tenantId)) {
      throw new ValidationProblem([{ path: 'tenantId', message: `"${tenantId}" is reserved for the platform; no key can act for it` }]);
    }
    return this.keys.create(tenantId, parseOr400(createApiKeyRequest, body ?? {}), actorOf(principal));
  }

  @Get()
  @ApiOperation({ summary: "List a tenant's API keys" })
  @ApiResponse({ status: 200, schema: { type: 'array', items: zodApiSchema(apiKeyViewSchema, 'output', 'ApiKey') }, description: '`[{ id, name, prefix, scopes, createdAt, lastUsedAt, revokedAt }]`, never keys or hashes' })
  list(@CurrentPrincipal() principal: Principal, @Param('tenantId') tenantId: string): Promise<ApiKeyView[]> {
    assertMayManageTenant(principal, tenantId, 'API keys');
    return this.keys.list(tenantId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key', description: 'Publishes `audit.recorded` (`api_key.revoke`) with the revocation, in one transaction; revoking again changes and publishes nothing.' })
  @ApiResponse({ status: 204, description: 'Revoked (revoking again keeps the first revocation time)' })
  @ApiResponse({ status: 404, description: 'The tenant has no key with this id' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('tenantId') tenantId: string, @Param('id') id: string): Promise<void> {
    assertMayManageTenant(principal, tenantId, 'API keys');
    await this.keys.revoke(tenantId, id, actorOf(principal));
  }

}
