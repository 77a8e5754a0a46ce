import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseParametersOr400, type Principal, ROLES, Roles, zodApiSchema } from '@hotline/platform';
import type { HeldStandardsView } from './held-standards';
import { heldStandardsSchema } from './held-standards-response';
import { standardsQuery } from './standards-query';
import { TenantStandards } from './tenant-standards.service';

/** What standards this service holds for the caller's tenant (DESIGN decision 11). */
@ApiTags('standards')
@Controller('v1/standards')
export class StandardsController {
  constructor(private readonly standards: TenantStandards) {}

  @Get()
  @ApiOperation({ summary: 'The standards versions this service holds for your tenant, and the one in force' })
  @Roles(...ROLES)
  @ApiQuery({ name: 'at', required: false, example: '2026-01-01T00:00:00+08:00', description: 'Resolve at this instant (default now)' })
  @ApiResponse({
    status: 200,
    schema: zodApiSchema(heldStandardsSchema, 'output', 'HeldStandards'),
    description: "`{ tenantId, at, inForce: { version, tenantVersion, effectiveFrom }, versions: [{ version, effectiveFrom, standards, receivedAt, inForce }] }` for the token's tenant",
  })
  @ApiResponse({ status: 400, description: 'problem+json naming `query.at` when it is no ISO 8601 date-time' })
  held(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<HeldStandardsView> {
    const { at } = parseParametersOr400('query', standardsQuery, query);
    return this.standards.held(principal.tenantId, at === undefined ? new Date() : new Date(at));
  }
}
