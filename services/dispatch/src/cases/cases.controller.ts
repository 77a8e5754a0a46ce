import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { caseResponseSchema } from './case-response';
import { CasesService } from './cases.service';

@ApiTags('cases')
@Controller('v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get(':caseId')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'A case of your tenant, with its history' })
  @ApiResponse({ status: 200, schema: zodApiSchema(caseResponseSchema, 'output', 'Case'), description: 'The case' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such case' })
  get(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string) {
    return this.cases.find(principal.tenantId, caseId);
  }
}
