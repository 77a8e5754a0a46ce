import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { z } from 'zod';
import { INCIDENT_STATES, INCIDENT_TYPES, SEVERITIES } from './domain/incident-state';
import { incidentNotFound, incidentTransitionProblem } from './incident-problems';
import { incidentTransitionRequest, listIncidentsQuery } from './incident-requests';
import { type IncidentDetail, incidentDetailSchema, incidentPageSchema, type IncidentResponse } from './incident-response';
import { FindIncident } from './use-cases/find-incident';
import { ListIncidents } from './use-cases/list-incidents';
import { TransitionIncident } from './use-cases/transition-incident';

const DETAIL = zodApiSchema(incidentDetailSchema, 'output', 'Incident');
const NOT_FOUND = { status: 404, description: 'Your tenant has no such incident' } as const;
// Not a uuid: no incident of any tenant has that id, so the answer is a 404 like any unknown one.
const incidentId = z.uuid();

@ApiTags('incidents')
@Controller('v1/incidents')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class IncidentsController {
  constructor(
    private readonly listIncidents: ListIncidents,
    private readonly findIncident: FindIncident,
    private readonly transitionIncident: TransitionIncident,
  ) {}

  @Get()
  @Roles('security', 'admin')
  @ApiOperation({ summary: "Your tenant's security incidents, newest opened first (keyset pages)" })
  @ApiQuery({ name: 'state', required: false, enum: INCIDENT_STATES })
  @ApiQuery({ name: 'severity', required: false, enum: SEVERITIES })
  @ApiQuery({ name: 'type', required: false, enum: INCIDENT_TYPES })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' })
  @ApiResponse({ status: 200, schema: zodApiSchema(incidentPageSchema, 'output', 'IncidentPage'), description: 'A page of incidents' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.state`' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: IncidentResponse[]; nextCursor: string | null }> {
    const { limit, cursor, ...filters } = parseParametersOr400('query', listIncidentsQuery, query);
    return this.listIncidents.execute(principal.tenantId, filters, { limit, after: cursor });
  }

  @Get(':id')
  @Roles('security', 'admin')
  @ApiOperation({ summary: 'An incident of your tenant with its response plan’s steps, their deadlines, and its timeline' })
  @ApiResponse({ status: 200, schema: DETAIL, description: 'The incident' })
  @ApiResponse(NOT_FOUND)
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<IncidentDetail> {
    const found = incidentId.safeParse(id).success ? await this.findIncident.execute(principal.tenantId, id) : undefined;
    if (!found) throw incidentNotFound(id);
    return found;
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('security', 'admin')
  @ApiOperation({
    summary: 'Move an incident: open → triaged → contained → resolved → closed',
    description:
      'Records who moved it, when and why on its timeline, completes the plan step the move accomplishes (triaged: `triage`, contained: `contain`, closed: `review`) and publishes `incident.transitioned` and `audit.recorded`, in one transaction. Closing needs `review` {summary, rootCause, actions} (the post-incident review) and cancels the deadlines of steps left undone.',
  })
  @ApiBody({ schema: zodApiSchema(incidentTransitionRequest, 'input', 'IncidentTransitionRequest') })
  @ApiResponse({ status: 200, schema: DETAIL, description: 'The incident after the move' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `to`, `reason`, `review.rootCause`' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 422, description: 'Closing without a post-incident review: problem+json naming what is missing (`review`, or `review.summary`, `review.rootCause`, `review.actions`); nothing was changed' })
  @ApiResponse({
    status: 409,
    description:
      'The move is not allowed from where the incident is (`urn:hotline:problem:illegal-transition`) or another move committed first (`urn:hotline:problem:incident-changed`); nothing was changed. Extension members: `state` and `allowed` (the states it may move to), also named in `detail`',
  })
  async transition(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<IncidentDetail> {
    const { to, reason, review } = parseOr400(incidentTransitionRequest, body);
    if (!incidentId.safeParse(id).success) throw incidentNotFound(id);
    const moved = await this.transitionIncident.execute({ tenantId: principal.tenantId, incidentId: id, to, reason, review, actor: actorOf(principal) }).catch((error: unknown) => {
      throw incidentTransitionProblem(error);
    });
    if (!moved) throw incidentNotFound(id);
    return moved;
  }
}
