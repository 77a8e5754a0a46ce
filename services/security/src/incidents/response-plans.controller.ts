import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, PROBLEM_TYPES, type Principal, ProblemException, Roles, zodApiSchema } from '@hotline/platform';
import { INCIDENT_TYPES } from './domain/incident-state';
import { TenantPlanInvalid } from './domain/tenant-response-plan';
import { listResponsePlansQuery, putResponsePlanRequest, responsePlanParams } from './response-plan-requests';
import { responsePlanPageSchema, type ResponsePlanResponse, responsePlanSchema } from './response-plan-response';
import { ListResponsePlans } from './use-cases/list-response-plans';
import { PutResponsePlan } from './use-cases/put-response-plan';

const PLAN = zodApiSchema(responsePlanSchema, 'output', 'ResponsePlan');
const TYPE_PARAM = { name: 'incidentType', enum: INCIDENT_TYPES } as const;

@ApiTags('response-plans')
@Controller('v1/response-plans')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class ResponsePlansController {
  constructor(
    private readonly listPlans: ListResponsePlans,
    private readonly putPlan: PutResponsePlan,
  ) {}

  @Get()
  @Roles('security', 'admin')
  @ApiOperation({ summary: 'The response plan in force for each incident type (MANUAL ch. 7): built-in, or your tenant’s latest version' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' })
  @ApiResponse({ status: 200, schema: zodApiSchema(responsePlanPageSchema, 'output', 'ResponsePlanPage'), description: 'A page of plans' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.limit`' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: ResponsePlanResponse[]; nextCursor: string | null }> {
    const { limit, cursor } = parseParametersOr400('query', listResponsePlansQuery, query);
    return this.listPlans.execute(principal.tenantId, { limit, after: cursor });
  }

  @Get(':incidentType')
  @Roles('security', 'admin')
  @ApiOperation({ summary: 'The response plan new incidents of the type run: built-in, or your tenant’s version N' })
  @ApiParam(TYPE_PARAM)
  @ApiResponse({ status: 200, schema: PLAN, description: 'The plan in force' })
  @ApiResponse({ status: 400, description: 'problem+json naming `params.incidentType`' })
  get(@CurrentPrincipal() principal: Principal, @Param('incidentType') incidentType: string): Promise<ResponsePlanResponse> {
    const params = parseParametersOr400('params', responsePlanParams, { incidentType });
    return this.listPlans.one(principal.tenantId, params.incidentType);
  }

  @Put(':incidentType')
  @Roles('security')
  @ApiOperation({
    summary: 'Replace the built-in response plan of an incident type with your tenant’s version',
    description:
      'Each PUT is a new version, in force for incidents opened from then on; an incident keeps the plan (and version) it opened under. A step is due `within` after the incident opened; `after` names the steps it follows (no cycles). A step bound to a regulatory deadline (`standard`, e.g. `personal-data-leak-report`) must stay in the plan and may only be tighter than your standard in force. Publishes `audit.recorded`.',
  })
  @ApiParam(TYPE_PARAM)
  @ApiBody({ schema: zodApiSchema(putResponsePlanRequest, 'input', 'ResponsePlanRequest') })
  @ApiResponse({ status: 200, schema: PLAN, description: 'The new version, in force' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `params.incidentType`, `steps`, `steps.0.within`' })
  @ApiResponse({ status: 422, description: 'problem+json naming each broken rule: a duplicate `steps[i].id`, an unknown or cyclic `steps[i].after[j]` (the cycle listed), a `steps[i].within` looser than the standard in force, a regulatory step left out (`steps`)' })
  async put(@CurrentPrincipal() principal: Principal, @Param('incidentType') incidentType: string, @Body() body: unknown): Promise<ResponsePlanResponse> {
    const params = parseParametersOr400('params', responsePlanParams, { incidentType });
    const { steps } = parseOr400(putResponsePlanRequest, body);
    return this.putPlan.execute(principal.tenantId, params.incidentType, steps, actorOf(principal)).catch((error: unknown) => {
      if (error instanceof TenantPlanInvalid) {
        throw new ProblemException({ status: 422, type: PROBLEM_TYPES.validation, title: 'Invalid response plan', detail: error.message, errors: [...error.issues] });
      }
      throw error;
    });
  }
}
