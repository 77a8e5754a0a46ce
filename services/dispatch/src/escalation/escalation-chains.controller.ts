import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { CHAIN_POLICY_IDS, type ChainPolicyId, isChainPolicyId } from './domain/escalation-chain';
import { unknownPolicy } from './escalation-problems';
import { chainRequest } from './escalation-requests';
import { type ChainResponse, chainSchema } from './escalation-response';
import { EscalationChains } from './use-cases/escalation-chains';

const CHAIN = zodApiSchema(chainSchema, 'output', 'EscalationChain');
const POLICY = { name: 'policyId', enum: [...CHAIN_POLICY_IDS], description: 'An SLA policy id, or `default` for policies without a chain of their own' } as const;

function policyOr404(policyId: string): ChainPolicyId {
  if (!isChainPolicyId(policyId)) throw unknownPolicy(policyId, CHAIN_POLICY_IDS);
  return policyId;
}

/** Your tenant's escalation chains per SLA policy (team lead → supervisor → duty manager, each with its wait). */
@ApiTags('escalations')
@Controller('v1/escalation-chains')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class EscalationChainsController {
  constructor(private readonly chains: EscalationChains) {}

  @Get(':policyId')
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "The chain a policy's breaches climb: your tenant's, or the built-in one" })
  @ApiParam(POLICY)
  @ApiResponse({ status: 200, schema: CHAIN, description: 'The chain' })
  @ApiResponse({ status: 404, description: 'No such policy' })
  get(@CurrentPrincipal() principal: Principal, @Param('policyId') policyId: string): Promise<ChainResponse> {
    return this.chains.get(principal.tenantId, policyOr404(policyId));
  }

  @Put(':policyId')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Set your tenant's chain for a policy", description: 'Applies to climbs that start afterwards; audited.' })
  @ApiParam(POLICY)
  @ApiBody({ schema: zodApiSchema(chainRequest, 'input', 'EscalationChainRequest') })
  @ApiResponse({ status: 200, schema: CHAIN, description: 'The chain as set, with its new version' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad step, e.g. `steps.1.role`' })
  @ApiResponse({ status: 404, description: 'No such policy' })
  put(@CurrentPrincipal() principal: Principal, @Param('policyId') policyId: string, @Body() body: unknown): Promise<ChainResponse> {
    const policy = policyOr404(policyId);
    const { steps } = parseOr400(chainRequest, body);
    return this.chains.put(principal.tenantId, policy, steps, actorOf(principal));
  }
}
