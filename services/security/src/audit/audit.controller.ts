import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@hotline/platform';
import { AuditTrailService } from './audit-trail.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly trail: AuditTrailService) {}

  @Get('entries')
  @Roles('security', 'admin')
  entries(@CurrentPrincipal() principal: Principal, @Query('limit', new DefaultValuePipe(100), ParseIntPipe) limit: number) {
    return this.trail.list(principal.tenantId, Math.min(Math.max(limit, 1), 1000));
  }

  /** Recomputes the tenant's hash chain: `intact: false` names the first entry that was tampered with. */
  @Get('verify')
  @Roles('security', 'admin')
  verify(@CurrentPrincipal() principal: Principal) {
    return this.trail.verify(principal.tenantId);
  }
}
