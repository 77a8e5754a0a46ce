import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseParametersOr400, type Principal, ProblemException, Roles, zodApiSchema } from '@hotline/platform';
import { agentParams, ledgerQuery, scorecardsQuery } from './scorecard-requests';
import { type LedgerPage, ledgerPageSchema, type ScorecardPage, scorecardPageSchema } from './scorecard-responses';
import { ReadScorecards } from './use-cases/read-scorecards';

/** Supervisors, ops and admins see every scorecard; an agent (the JWT's subject is their agent id) only their own. */
const seesAll = (principal: Principal): boolean => principal.kind === 'jwt' && principal.roles.some((role) => ['supervisor', 'ops', 'admin'].includes(role));

@ApiTags('scorecards')
@Controller('v1/scorecards')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class ScorecardsController {
  constructor(private readonly read: ReadScorecards) {}

  @Get()
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({
    summary: "A month's scorecards per agent or team (MANUAL 5.4): reward, penalty and net points, bonuses, ledger entries, KPIs",
    description: 'An agent sees only their own scorecard (the JWT subject is the agent id) and may not group by team.',
  })
  @ApiQuery({ name: 'period', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, example: '2026-11', description: 'The month, YYYY-MM (UTC)' })
  @ApiQuery({ name: 'groupBy', required: false, schema: { type: 'string', enum: ['agent', 'team'], default: 'agent' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: zodApiSchema(scorecardPageSchema, 'output', 'ScorecardPage'), description: 'Everyone with ledger entries or KPIs in the month, in id order' })
  @ApiResponse({ status: 400, description: 'problem+json naming the malformed query parameter, e.g. `query.period`' })
  scorecards(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<ScorecardPage> {
    const { period, groupBy, limit, cursor } = parseParametersOr400('query', scorecardsQuery, query);
    const all = seesAll(principal);
    if (!all && groupBy === 'team') throw new ProblemException({ status: 403, detail: 'An agent sees only their own scorecard, not a team’s.' });
    return this.read.scorecards(principal.tenantId, { period, groupBy, limit, after: cursor?.[0], ...(all ? {} : { only: actorOf(principal).id }) });
  }

  @Get(':agentId/ledger')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "An agent's ledger entries of a month, each with its evidence event, rule, standard and clause, in time order" })
  @ApiParam({ name: 'agentId', example: 'a7', description: 'The agent; an agent may name only themself' })
  @ApiQuery({ name: 'period', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, example: '2026-11', description: 'The month, YYYY-MM (UTC)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: zodApiSchema(ledgerPageSchema, 'output', 'LedgerPage'), description: '`{items, nextCursor}`' })
  @ApiResponse({ status: 400, description: 'problem+json naming the malformed parameter, e.g. `query.period`' })
  @ApiResponse({ status: 404, description: "An agent asking for another agent's ledger" })
  ledger(@CurrentPrincipal() principal: Principal, @Param('agentId') agentId: string, @Query() query: unknown): Promise<LedgerPage> {
    const params = parseParametersOr400('params', agentParams, { agentId });
    const { period, limit, cursor } = parseParametersOr400('query', ledgerQuery, query);
    if (!seesAll(principal) && params.agentId !== actorOf(principal).id) throw new ProblemException({ status: 404, detail: 'You have no ledger of that agent’s to see.' });
    return this.read.ledgerPage(principal.tenantId, params.agentId, { period, limit, cursor });
  }
}
