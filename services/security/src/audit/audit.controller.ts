import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseParametersOr400, type Principal, Roles } from '@hotline/platform';
import { auditEntriesQuery } from './audit-entries-query';
import { AuditTrailService } from './audit-trail.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get('entries')
  @Roles('security', 'admin')
  @ApiQuery({ name: 'limit', required: false, description: 'How many entries, 1 to 1,000 (clamped); 100 by default' })
  entries(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const { limit } = parseParametersOr400('query', auditEntriesQuery, query);
    return this.trail.list(principal.tenantId, limit);
  }

  /** Recomputes the tenant's hash chain: `intact: false` names the first entry that was tampered with. */
  @Get('verify')
  @Roles('security', 'admin')
  verify(@CurrentPrincipal() principal: Principal) {
    return this.trail.verify(principal.tenantId);
  }
}
