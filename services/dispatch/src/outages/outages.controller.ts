import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { outageNotFound, resolutionProblem } from './outage-problems';
import { declareOutageRequest, listOutagesQuery, resolveOutageRequest } from './outage-requests';
import { type OutageResponse, type OutageSummary, outagePageSchema, outageSchema } from './outage-response';
import { DeclareOutage } from './use-cases/declare-outage';
import { FindOutages } from './use-cases/find-outage';
import { ResolveOutage } from './use-cases/resolve-outage';

const OUTAGE = zodApiSchema(outageSchema, 'output', 'Outage');
const NOT_FOUND = { status: 404, description: 'Your tenant has no such outage' } as const;

/** Major network outages: a parent case with the region's cases attached, resolved together. */
@ApiTags('outages')
@Controller('v1/outages')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class OutagesController {
  constructor(
    private readonly declareOutage: DeclareOutage,
    private readonly resolveOutage: ResolveOutage,
    private readonly findOutages: FindOutages,
  ) {}

  @Post()
  @Roles('supervisor', 'ops')
  @ApiOperation({
    summary: 'Declare a major outage in a region',
    description: 'Opens its parent case and attaches the region’s open cases; cases opened in the region while it is open attach too. A `fault.reported` of major or critical severity declares one the same way. Audited.',
  })
  @ApiBody({ schema: zodApiSchema(declareOutageRequest, 'input', 'DeclareOutageRequest') })
  @ApiResponse({ status: 201, schema: OUTAGE, description: 'The outage with the cases attached so far' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `severity`' })
  declare(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<OutageResponse> {
    const request = parseOr400(declareOutageRequest, body);
    return this.declareOutage.execute({ ...request, tenantId: principal.tenantId, actor: actorOf(principal) });
  }

  @Get()
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Your tenant's outages, latest declared first (keyset pages)" })
  @ApiQuery({ name: 'state', required: false, enum: ['open', 'resolved', 'cancelled'] })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' })
  @ApiResponse({ status: 200, schema: zodApiSchema(outagePageSchema, 'output', 'OutagePage'), description: 'A page of outages' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.state`' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: OutageSummary[]; nextCursor: string | null }> {
    const { state, limit, cursor } = parseParametersOr400('query', listOutagesQuery, query);
    return this.findOutages.page(principal.tenantId, state, limit, cursor);
  }

  @Get(':outageId')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'An outage with its attached cases' })
  @ApiResponse({ status: 200, schema: OUTAGE, description: 'The outage' })
  @ApiResponse(NOT_FOUND)
  async get(@CurrentPrincipal() principal: Principal, @Param('outageId') outageId: string): Promise<OutageResponse> {
    const found = await this.findOutages.one(principal.tenantId, outageId);
    if (!found) throw outageNotFound(outageId);
    return found;
  }

  @Post(':outageId/resolution')
  @HttpCode(200)
  @Roles('supervisor', 'ops')
  @ApiOperation({
    summary: 'Resolve an outage and every case attached to it',
    description:
      'Moves the parent case to its resolution as you (as resolving it through `POST /v1/cases/:caseId/transitions` does), and each open child by dispatch with the outage as reason, publishing their `case.transitioned` and `case.resolved`; one transaction.',
  })
  @ApiBody({ schema: zodApiSchema(resolveOutageRequest, 'input', 'ResolveOutageRequest') })
  @ApiResponse({ status: 200, schema: OUTAGE, description: 'The resolved outage and its cases' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `reason`' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The outage is over already (`urn:hotline:problem:outage-not-open`), or a case moved meanwhile; nothing was changed' })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('outageId') outageId: string, @Body() body: unknown): Promise<OutageResponse> {
    const { reason } = parseOr400(resolveOutageRequest, body);
    const resolved = await this.resolveOutage.execute(principal.tenantId, outageId, reason, actorOf(principal)).catch((error: unknown) => {
      throw resolutionProblem(error);
    });
    if (!resolved) throw outageNotFound(outageId);
    return resolved;
  }
}
