import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@hotline/platform';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':caseId')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  get(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string) {
    return this.cases.find(principal.tenantId, caseId);
  }
}
