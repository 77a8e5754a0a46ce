import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { caseNotFound } from '../cases/case-problems';
import { escalationProblem } from './escalation-problems';
import { escalateRequest } from './escalation-requests';
import { type EscalationResponse, escalationSchema } from './escalation-response';
import { AcknowledgeEscalation } from './use-cases/acknowledge-escalation';
import { EscalateCase } from './use-cases/escalate-case';
import { FindEscalation } from './use-cases/find-escalation';

const ESCALATION = zodApiSchema(escalationSchema, 'output', 'Escalation');
const NOT_FOUND = { status: 404, description: 'Your tenant has no such case' } as const;
const REFUSED = { status: 409, description: 'problem+json (`urn:hotline:problem:escalation-refused`) saying why: the case is settled, at the top of its chain, or nothing awaits an acknowledgement' } as const;

/** A case's escalation: raised on demand, acknowledged by the level paged, read. Breaches raise it from the bus. */
@ApiTags('escalations')
@Controller('v1/cases')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class EscalationController {
  constructor(
    private readonly escalateCase: EscalateCase,
    private readonly acknowledgeEscalation: AcknowledgeEscalation,
    private readonly findEscalation: FindEscalation,
  ) {}

  @Get(':caseId/escalation')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "A case's escalation: its level, the role paged, when the next level follows" })
  @ApiResponse({ status: 200, schema: ESCALATION, description: 'The escalation (`state: none` if never escalated)' })
  @ApiResponse(NOT_FOUND)
  async get(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<EscalationResponse> {
    const found = await this.findEscalation.execute(principal.tenantId, caseId);
    if (!found) throw caseNotFound(caseId);
    return found;
  }

  @Post(':caseId/escalations')
  @HttpCode(200)
  // Team leads and supervisors carry the supervisor role (the platform's roles have no separate lead).
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Raise a case one level of its chain',
    description: 'Pages the next level now and climbs from there unless acknowledged; publishes `case.escalated` and `audit.recorded` naming you, in one transaction.',
  })
  @ApiBody({ schema: zodApiSchema(escalateRequest, 'input', 'EscalateRequest') })
  @ApiResponse({ status: 200, schema: ESCALATION, description: 'The escalation after the raise' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `reason`' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(REFUSED)
  async escalate(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Body() body: unknown): Promise<EscalationResponse> {
    const { reason } = parseOr400(escalateRequest, body);
    const raised = await this.escalateCase.execute({ tenantId: principal.tenantId, caseId, reason, actor: actorOf(principal) }).catch((error: unknown) => {
      throw escalationProblem(error);
    });
    if (!raised) throw caseNotFound(caseId);
    return raised;
  }

  @Post(':caseId/escalation/acknowledge')
  @HttpCode(200)
  @Roles('supervisor', 'ops')
  @ApiOperation({ summary: 'Take the escalation on: no further level is paged', description: 'Audited (`audit.recorded`). Acknowledging again answers the same.' })
  @ApiResponse({ status: 200, schema: ESCALATION, description: 'The acknowledged escalation' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(REFUSED)
  async acknowledge(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<EscalationResponse> {
    const acknowledged = await this.acknowledgeEscalation.execute(principal.tenantId, caseId, actorOf(principal)).catch((error: unknown) => {
      throw escalationProblem(error);
    });
    if (!acknowledged) throw caseNotFound(caseId);
    return acknowledged;
  }
}
