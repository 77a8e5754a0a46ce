import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { type ContactTallyResponse, contactTallySchema } from './contact-tally-response';
import { contactTalliesQuery } from './contact-tallies-query';
import { type KpiReport, kpiReportSchema } from './kpi-response';
import { kpisQuery } from './kpis-query';
import { ListContactTallies } from './use-cases/list-contact-tallies';
import { ReadKpis } from './use-cases/read-kpis';

@ApiTags('kpis')
@Controller('v1/kpis')
export class KpisController {
  constructor(
    private readonly listTallies: ListContactTallies,
    private readonly readKpis: ReadKpis,
  ) {}

  @Get()
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'Service level, speed of answer, abandonment, handle time, CSAT, complaint and breach rates per bucket and group' })
  @ApiQuery({ name: 'from', schema: { type: 'string', format: 'date-time' }, example: '2026-11-25T00:00:00Z', description: 'Start (inclusive): the bucket holding it is the first' })
  @ApiQuery({ name: 'to', schema: { type: 'string', format: 'date-time' }, example: '2026-11-26T00:00:00Z', description: 'End (exclusive); at most 7 days after `from` for 15m buckets, 92 days for 1d' })
  @ApiQuery({ name: 'groupBy', required: false, schema: { type: 'string', enum: ['queue', 'team', 'agent'] }, description: 'Split by queue, team or agent; the whole tenant when absent' })
  @ApiQuery({ name: 'bucket', required: false, schema: { type: 'string', enum: ['15m', '1d'], default: '1d' }, description: 'Quarter-hours or UTC days, by when each contact was queued' })
  @ApiResponse({ status: 200, schema: zodApiSchema(kpiReportSchema, 'output', 'KpiReport'), description: 'One row per bucket and group that has contacts' })
  @ApiResponse({ status: 400, description: 'problem+json naming the query parameter that is malformed or unknown, or `query.to` when the range is empty or too long' })
  kpis(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<KpiReport> {
    return this.readKpis.execute(principal.tenantId, parseParametersOr400('query', kpisQuery, query));
  }

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
