import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import type { Dispute } from './domain/dispute';
import { disputeProblem } from './scorecard-problems';
import { disputeParams, disputeRequest, disputesQuery, encodeCursor, entryParams, rulingRequest } from './scorecard-requests';
import { type DisputePage, disputePageSchema, type DisputeResponse, disputeSchema } from './scorecard-responses';
import { ScorecardsClock } from './scorecards-clock';
import { DisputeEntries } from './use-cases/dispute-entries';

const DISPUTE = zodApiSchema(disputeSchema, 'output', 'LedgerDispute');

@ApiTags('scorecards')
@Controller('v1')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class DisputesController {
  constructor(
    private readonly disputes: DisputeEntries,
    private readonly clock: ScorecardsClock,
  ) {}

  @Post('ledger/:entryId/disputes')
  @HttpCode(201)
  @Roles('agent')
  @ApiOperation({ summary: 'Dispute one of your own ledger entries (audited)', description: 'Once per entry; not a compensation, a zero-point or a reversed entry.' })
  @ApiParam({ name: 'entryId', schema: { type: 'string', format: 'uuid' } })
  @ApiBody({ schema: zodApiSchema(disputeRequest, 'input', 'LedgerDisputeRequest') })
  @ApiResponse({ status: 201, schema: DISPUTE, description: 'The dispute, open' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `reason` or `params.entryId`' })
  @ApiResponse({ status: 404, description: 'You have no entry by that id' })
  @ApiResponse({ status: 409, description: 'Disputed already (`urn:hotline:problem:dispute-already-disputed`) or nothing to dispute (`…-not-disputable`)' })
  async open(@CurrentPrincipal() principal: Principal, @Param('entryId') entryId: string, @Body() body: unknown): Promise<DisputeResponse> {
    const params = parseParametersOr400('params', entryParams, { entryId });
    const { reason } = parseOr400(disputeRequest, body);
    const dispute = await this.disputes.open(principal.tenantId, params.entryId, actorOf(principal), reason, this.clock.now()).catch((e: unknown) => {
      throw disputeProblem(e);
    });
    return view(dispute);
  }

  @Get('disputes')
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "The tenant's ledger disputes, oldest first" })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string', enum: ['open', 'upheld', 'rejected'] } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: zodApiSchema(disputePageSchema, 'output', 'LedgerDisputePage'), description: '`{items, nextCursor}`' })
  @ApiResponse({ status: 400, description: 'problem+json naming the malformed query parameter' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<DisputePage> {
    const { state, limit, cursor } = parseParametersOr400('query', disputesQuery, query);
    const rows = await this.disputes.list(principal.tenantId, { state, limit: limit + 1, cursor });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(view), nextCursor: rows.length > limit && last ? encodeCursor([last.openedAt.toISOString(), last.id]) : null };
  }

  @Post('disputes/:disputeId/ruling')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Rule on a dispute, once (audited)', description: 'Upheld: a compensating entry reverses the disputed one (its points restored in its month).' })
  @ApiParam({ name: 'disputeId', schema: { type: 'string', format: 'uuid' } })
  @ApiBody({ schema: zodApiSchema(rulingRequest, 'input', 'LedgerDisputeRuling') })
  @ApiResponse({ status: 200, schema: DISPUTE, description: 'The dispute, ruled' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `decision`' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such dispute' })
  @ApiResponse({ status: 409, description: 'Ruled already (`urn:hotline:problem:dispute-already-ruled`)' })
  async rule(@CurrentPrincipal() principal: Principal, @Param('disputeId') disputeId: string, @Body() body: unknown): Promise<DisputeResponse> {
    const params = parseParametersOr400('params', disputeParams, { disputeId });
    const ruling = parseOr400(rulingRequest, body);
    const ruled = await this.disputes.rule(principal.tenantId, params.disputeId, actorOf(principal), ruling, this.clock.now()).catch((e: unknown) => {
      throw disputeProblem(e);
    });
    return view(ruled);
  }
}

function view(d: Dispute): DisputeResponse {
  return {
    id: d.id,
    entryId: d.entryId,
    agentId: d.agentId,
    reason: d.reason,
    state: d.state,
    openedAt: d.openedAt.toISOString(),
    ruledBy: d.ruledBy,
    ruledAt: d.ruledAt?.toISOString() ?? null,
    rulingNote: d.rulingNote,
    compensationEntryId: d.compensationEntryId,
  };
}
