import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { actorOf, CurrentPrincipal, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { z } from 'zod';
import { invalidRule, ruleNotFound } from './alert-problems';
import { alertRuleBody, ruleIdParam } from './alert-rule-request';
import type { StoredRule } from './alert-rules.repository';
import type { AlertRule } from './domain/alert-rule';
import { ManageRules } from './use-cases/manage-rules';

const ruleList = z.object({ items: z.array(z.object({ rule: z.record(z.string(), z.unknown()), custom: z.boolean(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() })) });

/** A tenant's alert rules, as data (MANUAL 5.2). */
@ApiTags('alerts')
@Controller('v1/alert-rules')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class AlertRulesController {
  constructor(private readonly rules: ManageRules) {}

  @Get()
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Your tenant's alert rules: its own, or the built-in defaults (`custom: false`) while it has none" })
  @ApiResponse({ status: 200, schema: zodApiSchema(ruleList, 'output', 'AlertRuleList'), description: 'The rules in force' })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: StoredRule[] }> {
    return { items: await this.rules.list(principal.tenantId) };
  }

  @Put(':ruleId')
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Create or replace an alert rule',
    description: 'Conditions: `kpi-threshold`, `sudden-change`, `sla-breach`, `low-score`. Your first rule replaces the built-in defaults. Audited.',
  })
  @ApiBody({ schema: zodApiSchema(alertRuleBody, 'input', 'AlertRuleRequest') })
  @ApiResponse({ status: 200, description: 'Replaced' })
  @ApiResponse({ status: 201, description: 'Created' })
  @ApiResponse({ status: 400, description: 'problem+json naming `params.ruleId` when malformed' })
  @ApiResponse({ status: 422, description: 'problem+json naming each invalid field, e.g. `body.condition.target` for a rule that could never fire' })
  async put(@CurrentPrincipal() principal: Principal, @Param('ruleId') ruleId: string, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<AlertRule> {
    const id = parseParametersOr400('params', z.object({ ruleId: ruleIdParam }), { ruleId }).ruleId;
    const parsed = alertRuleBody.safeParse(body);
    if (!parsed.success) throw invalidRule(parsed.error);
    const rule: AlertRule = { ruleId: id, ...parsed.data } as AlertRule;
    const { created } = await this.rules.put(principal.tenantId, rule, actorOf(principal));
    res.status(created ? 201 : 200);
    return rule;
  }

  @Delete(':ruleId')
  @HttpCode(204)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Delete an alert rule (its open alerts resolve at their next check); audited' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such rule of its own' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('ruleId') ruleId: string): Promise<void> {
    if (!(await this.rules.delete(principal.tenantId, ruleId, actorOf(principal)))) throw ruleNotFound(ruleId);
  }
}
