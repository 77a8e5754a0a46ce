import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { caseStage } from '@hotline/contracts';
import { actorOf, CurrentPrincipal, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { COMPLAINT, COMPLAINT_NOT_FOUND } from './complaint-api';
import { type ComplaintExportResponse, complaintExportSchema, toExportResponse } from './complaint-export-response';
import { complaintNotFound } from './complaint-problems';
import { exportQuery, listComplaintsQuery } from './complaint-requests';
import { type ComplaintResponse, complaintPageSchema, type ComplaintSummary } from './complaint-response';
import { COMPLAINT_STATES } from './domain/complaint';
import { historyCsv } from './domain/history-csv';
import { ExportComplaint } from './use-cases/export-complaint';
import { FindComplaint } from './use-cases/find-complaint';
import { ListComplaints } from './use-cases/list-complaints';

/** A file name that is safe in a Content-Disposition header, whatever the complaint id holds. */
const fileName = (complaintId: string, format: string) => `complaint-${complaintId.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;

@ApiTags('complaints')
@Controller('v1/complaints')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class ComplaintsController {
  constructor(
    private readonly listComplaints: ListComplaints,
    private readonly findComplaint: FindComplaint,
    private readonly exportComplaint: ExportComplaint,
  ) {}

  @Get()
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Your tenant's complaints (the cases `complaint.filed` opened), oldest filed first (keyset pages)" })
  @ApiQuery({ name: 'state', required: false, enum: COMPLAINT_STATES })
  @ApiQuery({ name: 'archived', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'stage', required: false, enum: caseStage.options, description: 'The stage of the complaint’s case' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' })
  @ApiResponse({ status: 200, schema: zodApiSchema(complaintPageSchema, 'output', 'ComplaintPage'), description: 'A page of complaints' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.state`' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: ComplaintSummary[]; nextCursor: string | null }> {
    const { limit, cursor, archived, ...filters } = parseParametersOr400('query', listComplaintsQuery, query);
    return this.listComplaints.execute(principal.tenantId, { ...filters, archived: archived === undefined ? undefined : archived === 'true' }, { limit, after: cursor }, actorOf(principal));
  }

  @Get(':complaintId')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'A complaint of your tenant: its case, acknowledgement, communications, resolution, feedback and archiving' })
  @ApiResponse({ status: 200, schema: COMPLAINT, description: 'The complaint' })
  @ApiResponse(COMPLAINT_NOT_FOUND)
  async get(@CurrentPrincipal() principal: Principal, @Param('complaintId') complaintId: string): Promise<ComplaintResponse> {
    const found = await this.findComplaint.execute(principal.tenantId, complaintId);
    if (!found) throw complaintNotFound(complaintId);
    return found;
  }

  @Get(':complaintId/export')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'A complaint with its full history (manual 6.4), as JSON or CSV',
    description:
      'Its filing, every stage move of its case (actor, time, reason) and every step of its handling, oldest first. CSV (RFC 4180): a header, then one row per history entry.',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], description: 'json unless csv' })
  @ApiResponse({
    status: 200,
    description: 'The history, as an attachment',
    content: {
      'application/json': { schema: zodApiSchema(complaintExportSchema, 'output', 'ComplaintExport') },
      'text/csv': { schema: { type: 'string', example: 'at,kind,actor_id,…\r\n2026-11-25T08:00:00.000Z,filed,…\r\n' } },
    },
  })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, `query.format`' })
  @ApiResponse(COMPLAINT_NOT_FOUND)
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('complaintId') complaintId: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplaintExportResponse | string> {
    const { format } = parseParametersOr400('query', exportQuery, query);
    const found = await this.exportComplaint.execute(principal.tenantId, complaintId, actorOf(principal));
    if (!found) throw complaintNotFound(complaintId);
    res.attachment(fileName(complaintId, format));
    if (format === 'json') return toExportResponse(found);
    res.type('text/csv; charset=utf-8');
    return historyCsv(found.history);
  }
}
