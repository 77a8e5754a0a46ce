import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { teamNotFound } from './routing-problems';
import { idParameter, rulesRequest, teamRequest } from './routing-requests';
import { type RulesResponse, rulesSchema, type TeamResponse, teamSchema, toRulesResponse, toTeamResponse } from './routing-responses';
import { AdministerRouting } from './use-cases/administer-routing';
import { ReadRouting } from './use-cases/read-routing';

const TEAM = zodApiSchema(teamSchema, 'output', 'RoutingTeam');
const RULES = zodApiSchema(rulesSchema, 'output', 'RoutingRules');
const teamParams = idParameter('teamId');

/** Teams and the tenant's routing rules (supervisor or admin). */
@ApiTags('routing')
@Controller('v1')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Neither supervisor nor admin' })
export class RoutingAdminController {
  constructor(
    private readonly administer: AdministerRouting,
    private readonly read: ReadRouting,
  ) {}

  @Get('teams/:teamId')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "A team: the skills, languages and regions its members count as having" })
  @ApiResponse({ status: 200, schema: TEAM, description: 'The team' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such team' })
  async getTeam(@CurrentPrincipal() principal: Principal, @Param('teamId') teamId: string): Promise<TeamResponse> {
    parseParametersOr400('params', teamParams, { teamId });
    const team = await this.read.team(principal.tenantId, teamId);
    if (!team) throw teamNotFound(teamId);
    return toTeamResponse(team);
  }

  @Put('teams/:teamId')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Set a team’s profile', description: 'Publishes `audit.recorded`; waiting cases its members may now take are offered.' })
  @ApiBody({ schema: zodApiSchema(teamRequest, 'input', 'RoutingTeamRequest') })
  @ApiResponse({ status: 200, schema: TEAM, description: 'The team as it is now' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `languages.0`' })
  async putTeam(@CurrentPrincipal() principal: Principal, @Param('teamId') teamId: string, @Body() body: unknown): Promise<TeamResponse> {
    parseParametersOr400('params', teamParams, { teamId });
    const profile = parseOr400(teamRequest, body);
    return toTeamResponse(await this.administer.putTeam(principal.tenantId, teamId, profile, actorOf(principal)));
  }

  @Get('routing/rules')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Your tenant's routing rules, in the order they are tried" })
  @ApiResponse({ status: 200, schema: RULES, description: 'The rules (none: any available agent may take any case)' })
  async getRules(@CurrentPrincipal() principal: Principal): Promise<RulesResponse> {
    return toRulesResponse(await this.read.ruleSet(principal.tenantId));
  }

  @Put('routing/rules')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Replace your tenant’s routing rules',
    description:
      'Ordered: a case opened from now on takes the `require` of the first rule whose every `match` field (case type, category, priority, region) equals the case’s; no match, anyone. An agent meets `require` with its own profile or its team’s. Publishes `audit.recorded`.',
  })
  @ApiBody({ schema: zodApiSchema(rulesRequest, 'input', 'RoutingRulesRequest') })
  @ApiResponse({ status: 200, schema: RULES, description: 'The rules as they are now' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `rules.0.match.priority`' })
  async putRules(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<RulesResponse> {
    const { rules } = parseOr400(rulesRequest, body);
    return toRulesResponse(await this.administer.putRules(principal.tenantId, rules, actorOf(principal)));
  }
}
