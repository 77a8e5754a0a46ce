import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { actorOf, CurrentPrincipal, parseParametersOr400, type Principal, ProblemException, Roles, ValidationProblem, zodApiSchema } from '@hotline/platform';
import { assertMayManageTenant, RESERVED_TENANTS } from '../tenants/tenant-access';
import { listStandardVersionsQuery } from './domain/list-standard-versions-query';
import { validateStandardVersion } from './domain/validate-standard-version';
import type { StandardVersionView } from './standard-versions.repository';
import { standardVersionPageSchema, standardVersionSchema } from './standard-version-response';
import { StandardVersionsService } from './standard-versions.service';

const WHAT = 'standards';

/**
 * Tenants' standards versions, for admins (DESIGN decision 11), under the API keys' tenant-access
 * rule (`tenants/tenant-access.ts`). A new version is published to dispatch, quality and security as
 * `standards.published`; a version never changes once kept.
 */
const VERSION = zodApiSchema(standardVersionSchema, 'output', 'StandardVersion');

@ApiTags('admin')
@Controller('v1/admin/tenants/:tenant/standards')
@Roles('admin')
@ApiParam({ name: 'tenant', description: "The tenant whose standards these are; a tenant admin's own tenant" })
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Not an admin, or an admin of another tenant' })
export class AdminStandardsController {
  constructor(private readonly standards: StandardVersionsService) {}

  @Put(':version')
  @ApiOperation({ summary: "Publish a version of a tenant's standards (tighten only; versions are immutable)" })
  @ApiParam({ name: 'version', description: "The tenant's label for the version: 1-40 letters, digits, '.', '_' or '-'", example: '3' })
  @ApiBody({
    description: "`{ effectiveFrom, standards }`: the tenant's changes to the built-in standards, which may only tighten them (libs/standards)",
    schema: {
      type: 'object',
      required: ['effectiveFrom', 'standards'],
      properties: {
        effectiveFrom: { type: 'string', format: 'date-time', example: '2026-01-01T00:00:00+08:00' },
        standards: {
          type: 'object',
          description: 'By standard id; an etiquette rule may also weigh its deduction heavier (`points` per breach, `maxPoints` per contact)',
          example: { 'answer-time': { kind: 'deadline', seconds: 20 }, 'forbidden-phrases': { kind: 'phrases', points: 20 } },
        },
      },
    },
  })
  @ApiResponse({ status: 201, schema: VERSION, description: 'Kept and published as `standards.published`, with `audit.recorded` (`standards.publish`), in one transaction' })
  @ApiResponse({ status: 200, schema: VERSION, description: 'The same version sent again: nothing changes, nothing is published' })
  @ApiResponse({ status: 400, description: 'problem+json naming each malformed field' })
  @ApiResponse({ status: 409, description: 'The version exists with other content, or another version takes effect at the same instant' })
  @ApiResponse({ status: 422, description: 'problem+json naming every field that loosens a floor or lightens an etiquette deduction, e.g. `standards.answer-time.seconds`, `standards.forbidden-phrases.points`' })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('tenant') tenant: string,
    @Param('version') version: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StandardVersionView> {
    assertMayManageTenant(principal, tenant, WHAT);
    if (RESERVED_TENANTS.includes(tenant)) {
      throw new ValidationProblem([{ path: 'params.tenant', message: `"${tenant}" is reserved for the platform; it has no standards of its own` }]);
    }
    const check = validateStandardVersion(tenant, version, body);
    if (check.result === 'shape') throw new ValidationProblem(check.issues);
    if (check.result === 'loosened') {
      throw new ProblemException({
        status: 422,
        title: 'Standards may only be tightened',
        detail: 'A tenant may tighten the standards, never loosen a floor set by regulation or the manual; see errors.',
        errors: check.issues,
      });
    }
    const result = await this.standards.put(check.overrides, actorOf(principal));
    if (result.outcome === 'conflict') throw new ProblemException({ status: 409, detail: result.detail });
    res.status(result.outcome === 'created' ? 201 : 200);
    return result.version;
  }

  @Get()
  @ApiOperation({ summary: "A tenant's standards versions, oldest first" })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: zodApiSchema(standardVersionPageSchema, 'output', 'StandardVersionPage'), description: 'Versions in effective order' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('tenant') tenant: string,
    @Query() query: unknown,
  ): Promise<{ items: StandardVersionView[]; nextCursor: string | null }> {
    assertMayManageTenant(principal, tenant, WHAT);
    const { limit, cursor } = parseParametersOr400('query', listStandardVersionsQuery, query);
    const items = await this.standards.list(tenant, { limit, after: cursor });
    return { items, nextCursor: items.length === limit ? items[items.length - 1].effectiveFrom : null };
  }

  @Get(':version')
  @ApiOperation({ summary: "One version of a tenant's standards" })
  @ApiResponse({ status: 200, schema: VERSION, description: 'The version' })
  @ApiResponse({ status: 404, description: 'The tenant has no such version' })
  async get(@CurrentPrincipal() principal: Principal, @Param('tenant') tenant: string, @Param('version') version: string): Promise<StandardVersionView> {
    assertMayManageTenant(principal, tenant, WHAT);
    const found = await this.standards.find(tenant, version);
    if (!found) throw new ProblemException({ status: 404, detail: `Tenant ${tenant} has no standards version ${version}.` });
    return found;
  }
}
