import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { actorOf } from '../cases/case-actor';
import { policyParameter, policySettingListSchema, policySettingRequest, type PolicySettingResponse, policySettingSchema, toPolicySettingResponse, unprocessable } from './calendar-api';
import { InvalidSetting } from './domain/invalid-setting';
import { AdministerPolicySettings } from './use-cases/administer-policy-settings';

/** Which case SLA policies count business hours, on which calendar, and their budgets by priority (supervisor or admin). */
@ApiTags('calendars')
@Controller('v1/sla-policies')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Neither supervisor nor admin' })
export class PolicySettingsController {
  constructor(private readonly settings: AdministerPolicySettings) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Your tenant's SLA policy settings; a policy not listed counts 24/7 with the standard's budget" })
  @ApiResponse({ status: 200, schema: zodApiSchema(policySettingListSchema, 'output', 'SlaPolicySettingList'), description: 'Every setting' })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: PolicySettingResponse[] }> {
    return { items: (await this.settings.list(principal.tenantId)).map(toPolicySettingResponse) };
  }

  @Put(':policyId')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Set the calendar a case SLA policy counts on, and its budgets by priority',
    description:
      "`calendarId` names one of your business calendars (null: 24/7). `priorityBudgets` gives seconds for cases of a priority, no looser than the standard in force (a regulatory floor still caps the wall-clock time). Applies to clocks created from then on; a case's priority change re-budgets its running clocks. Publishes `audit.recorded`.",
  })
  @ApiBody({ schema: zodApiSchema(policySettingRequest, 'input', 'SlaPolicySettingRequest') })
  @ApiResponse({ status: 200, schema: zodApiSchema(policySettingSchema, 'output', 'SlaPolicySetting'), description: 'The setting as it is now' })
  @ApiResponse({ status: 400, description: 'problem+json naming a malformed field or an unknown `params.policyId`' })
  @ApiResponse({ status: 422, description: 'problem+json naming `calendarId` (no such calendar) or each looser `priorityBudgets.P1`…; nothing was changed' })
  async put(@CurrentPrincipal() principal: Principal, @Param('policyId') policyId: string, @Body() body: unknown): Promise<PolicySettingResponse> {
    const { policyId: id } = parseParametersOr400('params', policyParameter, { policyId });
    const command = parseOr400(policySettingRequest, body);
    const setting = await this.settings.put(principal.tenantId, id, command, actorOf(principal)).catch((error: unknown) => {
      throw error instanceof InvalidSetting ? unprocessable(error.title, error.issues) : error;
    });
    return toPolicySettingResponse(setting);
  }
}
