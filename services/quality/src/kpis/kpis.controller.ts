import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { type ContactTallyResponse, contactTallySchema } from './contact-tally-response';
import { contactTalliesQuery } from './contact-tallies-query';
import { ListContactTallies } from './use-cases/list-contact-tallies';

@ApiTags('kpis')
@Controller('v1/kpis')
export class KpisController {
  constructor(private readonly listTallies: ListContactTallies) {}

  @Get('contact-tallies')
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Each queue's contact counts for a UTC day" })
  @ApiResponse({ status: 200, schema: { type: 'array', items: zodApiSchema(contactTallySchema, 'output', 'ContactTally') }, description: 'One tally per queue' })
  @ApiQuery({ name: 'day', schema: { type: 'string', format: 'date' }, example: '2026-11-25', description: 'UTC day, YYYY-MM-DD' })
  @ApiResponse({ status: 400, description: 'problem+json naming `query.day` when it is no real YYYY-MM-DD day' })
  contactTallies(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<ContactTallyResponse[]> {
    const { day } = parseParametersOr400('query', contactTalliesQuery, query);
    return this.listTallies.execute(principal.tenantId, day);
  }
}
