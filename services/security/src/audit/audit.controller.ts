import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { auditEntrySchema, chainVerdictSchema } from './audit-responses';
import { auditEntriesQuery } from './audit-entries-query';
import { AuditTrailService } from './audit-trail.service';

@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get('entries')
  @Roles('security', 'admin')
  @ApiOperation({ summary: "Your tenant's audit entries, in chain order" })
  @ApiResponse({ status: 200, schema: { type: 'array', items: zodApiSchema(auditEntrySchema, 'output', 'AuditEntry') }, description: 'The entries' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', default: 100 }, description: 'How many entries, 1 to 1,000 (clamped); 100 by default' })
  entries(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { limit } = parseParametersOr400('query', auditEntriesQuery, query);
    return this.trail.list(principal.tenantId, limit);
  }

  /** Recomputes the tenant's hash chain: `intact: false` names the first entry that was tampered with. */
  @Get('verify')
  @Roles('security', 'admin')
  @ApiOperation({ summary: "Recompute your tenant's hash chain" })
  @ApiResponse({ status: 200, schema: zodApiSchema(chainVerdictSchema, 'output', 'ChainVerdict'), description: 'Intact, or the first broken entry' })
  verify(@CurrentPrincipal() principal: Principal) {
    return this.trail.verify(principal.tenantId);
  }
}
