import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { agentNotFound } from './routing-problems';
import { agentRequest, idParameter, listAgentsQuery } from './routing-requests';
import { type AgentResponse, agentPageSchema, agentSchema, toAgentResponse } from './routing-responses';
import { AdministerRouting } from './use-cases/administer-routing';
import { ReadRouting } from './use-cases/read-routing';

const AGENT = zodApiSchema(agentSchema, 'output', 'RoutingAgent');
const agentParams = idParameter('agentId');

@ApiTags('routing')
@Controller('v1/agents')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'Neither supervisor nor admin' })
export class AgentsController {
  constructor(
    private readonly administer: AdministerRouting,
    private readonly read: ReadRouting,
  ) {}

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Your tenant's agents as routing knows them, by agent id (keyset pages)" })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' })
  @ApiResponse({ status: 200, schema: zodApiSchema(agentPageSchema, 'output', 'RoutingAgentPage'), description: 'A page of agents' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.cursor`' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<{ items: AgentResponse[]; nextCursor: string | null }> {
    const { limit, cursor } = parseParametersOr400('query', listAgentsQuery, query);
    const page = await this.read.agentPage(principal.tenantId, limit, cursor?.[0]);
    return { items: page.items.map(toAgentResponse), nextCursor: page.nextCursor };
  }

  @Get(':agentId')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'An agent: profile, status and when it took effect' })
  @ApiResponse({ status: 200, schema: AGENT, description: 'The agent' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such agent' })
  async get(@CurrentPrincipal() principal: Principal, @Param('agentId') agentId: string): Promise<AgentResponse> {
    parseParametersOr400('params', agentParams, { agentId });
    const agent = await this.read.agent(principal.tenantId, agentId);
    if (!agent) throw agentNotFound(agentId);
    return toAgentResponse(agent);
  }

  @Put(':agentId')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: "Set an agent's team, skills, languages and regions",
    description: 'Creates the agent (offline) if unknown. Availability still comes from `agent.status_changed`, whose profile fields are ignored from now on. Publishes `audit.recorded`; waiting cases the agent may now take are offered.',
  })
  @ApiBody({ schema: zodApiSchema(agentRequest, 'input', 'RoutingAgentRequest') })
  @ApiResponse({ status: 200, schema: AGENT, description: 'The agent as it is now' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `skills.0`' })
  async put(@CurrentPrincipal() principal: Principal, @Param('agentId') agentId: string, @Body() body: unknown): Promise<AgentResponse> {
    parseParametersOr400('params', agentParams, { agentId });
    const profile = parseOr400(agentRequest, body);
    return toAgentResponse(await this.administer.putAgent(principal.tenantId, agentId, profile, actorOf(principal)));
  }
}
