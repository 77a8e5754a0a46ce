import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { caseStage, caseType } from '@hotline/contracts';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { caseNotFound, priorityProblem, recordProblem, transitionProblem } from './case-problems';
import { listCasesQuery, priorityRequest, recordRequest, timelineQuery, transitionRequest } from './case-requests';
import { type CaseResponse, casePageSchema, caseSchema } from './case-response';
import { type CaseTimelineItem, caseTimelineSchema } from './case-timeline-response';
import { AmendCaseRecord } from './use-cases/amend-case-record';
import { CaseTimeline } from './use-cases/case-timeline';
import { ChangeCasePriority } from './use-cases/change-case-priority';
import { FindCase } from './use-cases/find-case';
import { ListCases } from './use-cases/list-cases';
import { TransitionCase } from './use-cases/transition-case';

const CASE = zodApiSchema(caseSchema, 'output', 'Case');
const NOT_FOUND = { status: 404, description: 'Your tenant has no such case' } as const;
const LIMIT = { name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } } as const;
const CURSOR = { name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' } as const;

@ApiTags('cases')
@Controller('v1/cases')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class CasesController {
  constructor(
    private readonly listCases: ListCases,
    private readonly findCase: FindCase,
    private readonly caseTimeline: CaseTimeline,
    private readonly transitionCase: TransitionCase,
    private readonly amendCaseRecord: AmendCaseRecord,
    private readonly changeCasePriority: ChangeCasePriority,
  ) {}

  @Get()
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Your tenant's cases, oldest opened first (keyset pages)" })
  @ApiQuery({ name: 'stage', required: false, enum: caseStage.options })
  @ApiQuery({ name: 'type', required: false, enum: caseType.options })
  @ApiQuery({ name: 'assignee', required: false, description: 'An agent id: the cases routing assigned to that agent' })
  @ApiQuery({
    name: 'breached',
    required: false,
    enum: ['true', 'false'],
    description: 'Cases with a standing breach of one of their SLA clocks (`true`), or with none (`false`)',
  })
  @ApiQuery(LIMIT)
  @ApiQuery(CURSOR)
  @ApiResponse({ status: 200, schema: zodApiSchema(casePageSchema, 'output', 'CasePage'), description: 'A page of cases' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.stage`' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: CaseResponse[]; nextCursor: string | null }> {
    const { limit, cursor, breached, ...filters } = parseParametersOr400('query', listCasesQuery, query);
    return this.listCases.execute(principal.tenantId, { ...filters, breached: breached === undefined ? undefined : breached === 'true' }, { limit, after: cursor }, actorOf(principal));
  }

  @Get(':caseId')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'A case of your tenant: stage, the stages it may move to, escalation level, record completeness, open deadlines, breached' })
  @ApiResponse({ status: 200, schema: CASE, description: 'The case' })
  @ApiResponse(NOT_FOUND)
  async get(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<CaseResponse> {
    const found = await this.findCase.execute(principal.tenantId, caseId);
    if (!found) throw caseNotFound(caseId);
    return found;
  }

  @Get(':caseId/timeline')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({
    summary: 'What happened to a case, oldest first',
    description: 'The events that opened it (`kind: event`), every transition with its actor, time and reason (`kind: transition`), and every SLA clock entry (`kind: clock`: started, paused, resumed, warned, breached, stopped, reset) with the `{standardId, version, clause}` applied and the signal that caused it. Skip kinds you do not know.',
  })
  @ApiQuery(LIMIT)
  @ApiQuery(CURSOR)
  @ApiResponse({ status: 200, schema: zodApiSchema(caseTimelineSchema, 'output', 'CaseTimeline'), description: 'A page of the timeline' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.cursor`' })
  @ApiResponse(NOT_FOUND)
  async timeline(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Query() query: unknown): Promise<{ items: CaseTimelineItem[]; nextCursor: string | null }> {
    const { limit, cursor } = parseParametersOr400('query', timelineQuery, query);
    const page = await this.caseTimeline.execute(principal.tenantId, caseId, { limit, after: cursor });
    if (!page) throw caseNotFound(caseId);
    return page;
  }

  @Post(':caseId/transitions')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Move a case to another stage',
    description:
      'Records who moved it, when and why, and publishes `case.transitioned` (and `case.resolved` for handling → follow_up) with `audit.recorded`, all in one transaction. The legal moves are the table in services/dispatch/src/cases/domain/case-stage.ts; the case lists them as `allowedTransitions`.',
  })
  @ApiBody({ schema: zodApiSchema(transitionRequest, 'input', 'CaseTransitionRequest') })
  @ApiResponse({ status: 200, schema: CASE, description: 'The case after the move' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `to` or `reason`' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({
    status: 409,
    description:
      'The move is not allowed from where the case is (`urn:hotline:problem:illegal-transition`), the case is archived with its complaint (`urn:hotline:problem:case-archived`), or another move committed first (`urn:hotline:problem:case-changed`); nothing was changed. Extension members: `stage` (where the case is) and `allowed` (the stages it may move to), also named in `detail`',
  })
  async transition(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Body() body: unknown): Promise<CaseResponse> {
    const { to, reason } = parseOr400(transitionRequest, body);
    const moved = await this.transitionCase.execute({ tenantId: principal.tenantId, caseId, to, reason, actor: actorOf(principal) }).catch((error: unknown) => {
      throw transitionProblem(error);
    });
    if (!moved) throw caseNotFound(caseId);
    return moved;
  }

  @Patch(':caseId/record')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: "Complete or correct a case's record (先处理后记录)",
    description:
      'Sets the fields named (others stay). A case may be worked before its record is complete; once the record has what it needs (a summary; the region for a fault; the customer for a complaint) its record-completion clock stops. Records the change in the timeline (`kind: record`) and publishes `audit.recorded`, in one transaction. Values equal to the current ones change nothing.',
  })
  @ApiBody({ schema: zodApiSchema(recordRequest, 'input', 'CaseRecordRequest') })
  @ApiResponse({ status: 200, schema: CASE, description: 'The case after the change' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `region`' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({
    status: 409,
    description:
      'The case is closed or cancelled (`urn:hotline:problem:record-locked`), archived with its complaint (`urn:hotline:problem:case-archived`), or changed by someone else meanwhile (`urn:hotline:problem:case-changed`); nothing was changed',
  })
  async record(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Body() body: unknown): Promise<CaseResponse> {
    const values = parseOr400(recordRequest, body);
    const amended = await this.amendCaseRecord.execute({ tenantId: principal.tenantId, caseId, values, actor: actorOf(principal) }).catch((error: unknown) => {
      throw recordProblem(error);
    });
    if (!amended) throw caseNotFound(caseId);
    return amended;
  }

  @Post(':caseId/priority')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: "Change a case's priority",
    description:
      "Records who changed it, when and why (timeline `kind: priority`), publishes `case.priority_changed` and `audit.recorded`, and re-budgets the case's running SLA clocks from then on: the due time is recomputed from the new priority's budget (`PUT /v1/sla-policies/:policyId`, `priorityBudgets`), keeping the time already elapsed and paused. All in one transaction; the same priority again changes nothing.",
  })
  @ApiBody({ schema: zodApiSchema(priorityRequest, 'input', 'CasePriorityRequest') })
  @ApiResponse({ status: 200, schema: CASE, description: 'The case after the change, with its open deadlines' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `priority` or `reason`' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({
    status: 409,
    description:
      'The case is closed or cancelled (`urn:hotline:problem:case-finished`), archived with its complaint (`urn:hotline:problem:case-archived`), or changed by someone else meanwhile (`urn:hotline:problem:case-changed`); nothing was changed',
  })
  async priority(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Body() body: unknown): Promise<CaseResponse> {
    const { priority, reason } = parseOr400(priorityRequest, body);
    const changed = await this.changeCasePriority.execute({ tenantId: principal.tenantId, caseId, priority, reason, actor: actorOf(principal) }).catch((error: unknown) => {
      throw priorityProblem(error);
    });
    if (!changed) throw caseNotFound(caseId);
    return changed;
  }
}
