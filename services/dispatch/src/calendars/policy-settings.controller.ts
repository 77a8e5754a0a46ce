import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, ValidationProblem, zodApiSchema } from '@hotline/platform';
import {
  ID_PAGE_QUERIES,
  idPage,
  idPageQuery,
  policyParameter,
  policySettingPageSchema,
  policySettingRequest,
  type PolicySettingResponse,
  policySettingSchema,
  toPolicySettingResponse,
  unprocessable,
} from './calendar-api';
import { InvalidSetting } from './domain/invalid-setting';
import { ANSWER_POLICY_ID, answerPolicyIssues } from './domain/policy-setting';
import { AdministerPolicySettings } from './use-cases/administer-policy-settings';

/** Which case SLA policies count business hours, on which calendar, and their budgets by priority; where every policy warns (supervisor or admin). */
@ApiTags('calendars')
@Controller('v1/sla-policies')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Neither supervisor nor admin' })
export class PolicySettingsController {
  constructor(private readonly settings: AdministerPolicySettings) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Your tenant's SLA policy settings, by policy id (keyset pages); a policy not listed counts 24/7 with the standard's budget" })
  @ApiQuery(ID_PAGE_QUERIES[0])
  @ApiQuery(ID_PAGE_QUERIES[1])
  @ApiResponse({ status: 200, schema: zodApiSchema(policySettingPageSchema, 'output', 'SlaPolicySettingPage'), description: 'A page of settings' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.cursor`' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: PolicySettingResponse[]; nextCursor: string | null }> {
    const { limit, cursor } = parseParametersOr400('query', idPageQuery, query);
    return idPage(await this.settings.list(principal.tenantId, limit, cursor?.[0]), limit, (s) => s.policyId, toPolicySettingResponse);
  }

  @Put(':policyId')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Set the calendar a case SLA policy counts on, its budgets by priority and where it warns; where the answer clock warns',
    description:
      "`calendarId` names one of your business calendars (null: 24/7). `priorityBudgets` gives seconds for cases of a priority, no looser than the standard in force (a regulatory floor still caps the wall-clock time). Applies to clocks created from then on; a case's priority change re-budgets its running clocks. `warnAt` sets where clocks created from then on publish `sla.warned` (default 50 % and 80 %). Policy `answer` (contacts' answer clocks, standard `answer-time`) warns only where `warnAt` says (default: never; applies to contacts queued from then on, within 5 s on every replica) and takes `calendarId: null` and no `priorityBudgets`. Publishes `audit.recorded`.",
  })
  @ApiBody({ schema: zodApiSchema(policySettingRequest, 'input', 'SlaPolicySettingRequest') })
  @ApiResponse({ status: 200, schema: zodApiSchema(policySettingSchema, 'output', 'SlaPolicySetting'), description: 'The setting as it is now' })
  @ApiResponse({ status: 400, description: 'problem+json naming a malformed field, an unknown `params.policyId`, or `calendarId` / `priorityBudgets` given for policy `answer`' })
  @ApiResponse({ status: 422, description: 'problem+json naming `calendarId` (no such calendar), each looser `priorityBudgets.P1`…, `warnAt` (more than 5) or each bad `warnAt[i]` (not in (0, 1), not ascending); nothing was changed' })
  async put(@CurrentPrincipal() principal: Principal, @Param('policyId') policyId: string, @Body() body: unknown): Promise<PolicySettingResponse> {
    const { policyId: id } = parseParametersOr400('params', policyParameter, { policyId });
    const { calendarId, priorityBudgets, warnAt } = parseOr400(policySettingRequest, body);
    const answerIssues = id === ANSWER_POLICY_ID ? answerPolicyIssues({ calendarId, priorityBudgets }) : [];
    if (answerIssues.length > 0) throw new ValidationProblem(answerIssues);
    const command = { calendarId, priorityBudgets, warnPoints: warnAt ?? null };
    const setting = await this.settings.put(principal.tenantId, id, command, actorOf(principal)).catch((error: unknown) => {
      throw error instanceof InvalidSetting ? unprocessable(error.title, error.issues) : error;
    });
    return toPolicySettingResponse(setting);
  }
}
