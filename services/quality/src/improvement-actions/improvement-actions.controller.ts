import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, ProblemException, Roles, zodApiSchema } from '@hotline/platform';
import { IllegalActionTransition } from './domain/improvement-action';
import {
  actionPageSchema,
  type ActionPage,
  actionParams,
  type ActionResponse,
  actionSchema,
  actionView,
  createActionRequest,
  encodeCursor,
  listActionsQuery,
  transitionRequest,
} from './improvement-action-api';
import { ImprovementActionsClock } from './improvement-actions-clock';
import { TrackImprovementActions, UnknownActionSource } from './use-cases/track-improvement-actions';

const ACTION = zodApiSchema(actionSchema, 'output', 'ImprovementAction');
/** Supervisors, ops and admins see every action; an agent only those they own (the JWT subject). */
const ownerFilter = (p: Principal): string | undefined =>
  p.kind === 'jwt' && !p.roles.some((role) => ['supervisor', 'ops', 'admin'].includes(role)) ? p.subject : undefined;
const notFound = (id: string) => new ProblemException({ status: 404, detail: `Your tenant has no improvement action ${id} of yours to see.` });

@ApiTags('improvement-actions')
@Controller('v1/improvement-actions')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class ImprovementActionsController {
  constructor(
    private readonly actions: TrackImprovementActions,
    private readonly clock: ImprovementActionsClock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Open an improvement action from an alert, a scorecard or a ledger entry (MANUAL 5.3; audited)' })
  @ApiBody({ schema: zodApiSchema(createActionRequest, 'input', 'ImprovementActionRequest') })
  @ApiResponse({ status: 201, schema: ACTION, description: 'The action, open' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `dueAt` or `source.kind`' })
  @ApiResponse({ status: 422, description: 'problem+json naming `source.id` when your tenant has no such alert or ledger entry' })
  async open(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<ActionResponse> {
    const request = parseOr400(createActionRequest, body);
    const now = this.clock.now();
    const action = await this.actions.open(principal.tenantId, request, actorOf(principal), now).catch((error: unknown) => {
      if (!(error instanceof UnknownActionSource)) throw error;
      throw new ProblemException({ status: 422, detail: error.message, errors: [{ path: 'source.id', message: error.message }] });
    });
    return actionView(action, now);
  }

  @Get()
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'Improvement actions, oldest first; an agent sees those they own' })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string', enum: ['open', 'in_progress', 'done', 'cancelled'] } })
  @ApiQuery({ name: 'owner', required: false })
  @ApiQuery({ name: 'sourceKind', required: false, schema: { type: 'string', enum: ['alert', 'scorecard', 'ledger-entry'] } })
  @ApiQuery({ name: 'sourceId', required: false })
  @ApiQuery({ name: 'overdue', required: false, schema: { type: 'string', enum: ['true', 'false'] } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiResponse({ status: 200, schema: zodApiSchema(actionPageSchema, 'output', 'ImprovementActionPage'), description: '`{items, nextCursor}`' })
  @ApiResponse({ status: 400, description: 'problem+json naming the malformed query parameter' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<ActionPage> {
    const { cursor, limit, ...filters } = parseParametersOr400('query', listActionsQuery, query);
    const now = this.clock.now();
    const owner = ownerFilter(principal) ?? filters.owner;
    const rows = await this.actions.list(principal.tenantId, { ...filters, owner, now, limit: limit + 1, after: cursor });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map((a) => actionView(a, now)), nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
  }

  @Get(':actionId')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'An improvement action with its history' })
  @ApiParam({ name: 'actionId', schema: { type: 'string', format: 'uuid' } })
  @ApiResponse({ status: 200, schema: ACTION, description: 'The action' })
  @ApiResponse({ status: 400, description: 'problem+json naming `params.actionId` when it is no UUID' })
  @ApiResponse({ status: 404, description: 'No such action (of yours, for an agent)' })
  async find(@CurrentPrincipal() principal: Principal, @Param('actionId') actionId: string): Promise<ActionResponse> {
    const params = parseParametersOr400('params', actionParams, { actionId });
    const found = await this.actions.find(principal.tenantId, params.actionId);
    const owner = ownerFilter(principal);
    if (!found || (owner !== undefined && found.owner !== owner)) throw notFound(params.actionId);
    return actionView(found, this.clock.now());
  }

  @Post(':actionId/transitions')
  @HttpCode(200)
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Move an action: open → in_progress → done, or cancelled (audited); an agent moves only their own' })
  @ApiParam({ name: 'actionId', schema: { type: 'string', format: 'uuid' } })
  @ApiBody({ schema: zodApiSchema(transitionRequest, 'input', 'ImprovementActionTransition') })
  @ApiResponse({ status: 200, schema: ACTION, description: 'The action, moved' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `to`' })
  @ApiResponse({ status: 404, description: 'No such action (of yours, for an agent)' })
  @ApiResponse({ status: 409, description: 'Not a move its state allows (`urn:hotline:problem:improvement-action-transition`, its detail naming the allowed ones)' })
  async transition(@CurrentPrincipal() principal: Principal, @Param('actionId') actionId: string, @Body() body: unknown): Promise<ActionResponse> {
    const params = parseParametersOr400('params', actionParams, { actionId });
    const { to, note } = parseOr400(transitionRequest, body);
    const now = this.clock.now();
    const moved = await this.actions.transition(principal.tenantId, params.actionId, to, note ?? null, actorOf(principal), now, ownerFilter(principal)).catch((error: unknown) => {
      if (!(error instanceof IllegalActionTransition)) throw error;
      throw new ProblemException({
        status: 409,
        type: 'urn:hotline:problem:improvement-action-transition',
        title: 'Not a move the action’s state allows',
        detail: error.message,
      });
    });
    if (!moved) throw notFound(params.actionId);
    return actionView(moved, now);
  }
}
