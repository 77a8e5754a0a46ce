import { applyDecorators, Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { complianceQuery, evidenceQuery } from './compliance-query';
import { type ComplianceReport, complianceReportSchema, type EvidencePageResponse, evidencePageSchema } from './compliance-response';
import { parseQueryOr422 } from './parse-query-or-422';
import { ListComplianceEvidence } from './use-cases/list-compliance-evidence';
import { ReadComplianceReport } from './use-cases/read-compliance-report';

const PERIOD_DESCRIPTION = 'A UTC day `2026-11-29`, month `2026-11` or quarter `2026-Q4`';
/** The period (or range) and region a report or its evidence is about. */
const PeriodQueries = () =>
  applyDecorators(
  ApiQuery({ name: 'period', required: false, schema: { type: 'string' }, example: '2026-11', description: `${PERIOD_DESCRIPTION}; or give \`from\` and \`to\`` }),
  ApiQuery({ name: 'from', required: false, schema: { type: 'string' }, description: 'With `to`: the first period of a range (its start is the range\'s)' }),
  ApiQuery({ name: 'to', required: false, schema: { type: 'string' }, description: 'With `from`: the last period of a range (its end is the range\'s); not before `from`' }),
  ApiQuery({ name: 'region', required: false, schema: { type: 'string' }, description: 'One region only; every region when absent' }),
  );

@ApiTags('reports')
@Controller('v1/reports/compliance')
export class ComplianceController {
  constructor(
    private readonly readReport: ReadComplianceReport,
    private readonly listEvidence: ListComplianceEvidence,
  ) {}

  @Get()
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Each deadline standard's target against what was achieved, per version in force, for a period (and region)" })
  @PeriodQueries()
  @ApiQuery({ name: 'format', required: false, schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } })
  @ApiResponse({
    status: 200,
    description: 'JSON, or with `format=csv` a CSV (RFC 4180) with a header row, one line per row',
    content: {
      'application/json': { schema: zodApiSchema(complianceReportSchema, 'output', 'ComplianceReport') },
      'text/csv': { schema: { type: 'string', example: 'period,region,standardId,…\r\n2026-11,,answer-time,…\r\n' } },
    },
  })
  @ApiResponse({ status: 422, description: 'problem+json naming `query.period`, `query.from`, `query.to`, `query.region` or `query.format`' })
  async report(@CurrentPrincipal() principal: Principal, @Query() query: unknown, @Res({ passthrough: true }) res: Response): Promise<ComplianceReport | string> {
    const parsed = parseQueryOr422(complianceQuery, query);
    const report = await this.readReport.execute(principal.tenantId, parsed);
    if (parsed.format === 'json') return report;
    res.attachment(`compliance-${report.period.label.replaceAll('..', '_')}.csv`);
    res.type('text/csv; charset=utf-8');
    return ReadComplianceReport.csv(report);
  }

  @Get('evidence')
  @Roles('supervisor', 'ops', 'admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The subjects behind a report row, each with its verdict and the event ids behind it (a row's `trace`)" })
  @ApiQuery({ name: 'standardId', schema: { type: 'string' }, example: 'network-fault-response' })
  @ApiQuery({ name: 'version', required: false, schema: { type: 'string' }, description: 'Only subjects judged under this standards version' })
  @PeriodQueries()
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, schema: { type: 'string' }, description: 'The previous page\'s `nextCursor`' })
  @ApiResponse({ status: 200, schema: zodApiSchema(evidencePageSchema, 'output', 'ComplianceEvidencePage'), description: 'Subjects by id' })
  @ApiResponse({ status: 422, description: 'problem+json naming the bad query parameter' })
  evidence(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<EvidencePageResponse> {
    return this.listEvidence.execute(principal.tenantId, parseQueryOr422(evidenceQuery, query));
  }
}
