import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { acceptProblem, assignmentNotFound } from './routing-problems';
import { reassignRequest } from './routing-requests';
import { type AssignmentResponse, assignmentSchema, toAssignmentResponse } from './routing-responses';
import { ROUTING_SETTINGS, type RoutingSettings } from './routing-settings';
import type { StoredAssignment } from './assignments.repository';
import { AnswerAssignment } from './use-cases/answer-assignment';
import { ReadRouting } from './use-cases/read-routing';

const ASSIGNMENT = zodApiSchema(assignmentSchema, 'output', 'CaseAssignment');
const NOT_FOUND = { status: 404, description: 'Your tenant has no such case' } as const;

/** A case's assignment: who it is offered to, accepting it, and a supervisor's reassignment. */
@ApiTags('routing')
@Controller('v1/cases/:caseId/assignment')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class AssignmentController {
  constructor(
    private readonly answer: AnswerAssignment,
    private readonly read: ReadRouting,
    @Inject(ROUTING_SETTINGS) private readonly settings: RoutingSettings,
  ) {}

  @Get()
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "A case's assignment: waiting, offered (until when) or accepted, and to whom" })
  @ApiResponse({ status: 200, schema: ASSIGNMENT, description: 'The assignment' })
  @ApiResponse(NOT_FOUND)
  async get(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<AssignmentResponse> {
    return this.respond(caseId, await this.read.assignment(principal.tenantId, caseId));
  }

  @Post('accept')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Accept the case offered to you',
    description: 'Only the agent it is offered to (the JWT subject); accepting again is harmless. Unaccepted by `acceptBy`, it goes to another eligible agent. Publishes `audit.recorded`.',
  })
  @ApiResponse({ status: 200, schema: ASSIGNMENT, description: 'The assignment, accepted' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The case is not offered to you (`urn:hotline:problem:not-your-assignment`); nothing was changed' })
  async accept(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<AssignmentResponse> {
    const accepted = await this.answer.accept(principal.tenantId, caseId, actorOf(principal)).catch((error: unknown) => {
      throw acceptProblem(error);
    });
    return this.respond(caseId, accepted);
  }

  @Post()
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'Give the case to an agent of your choosing',
    description: 'Any agent routing knows, available or not; they must accept it in time like any other. Publishes `case.assigned` and `audit.recorded`.',
  })
  @ApiBody({ schema: zodApiSchema(reassignRequest, 'input', 'CaseReassignRequest') })
  @ApiResponse({ status: 200, schema: ASSIGNMENT, description: 'The assignment, offered to that agent' })
  @ApiResponse({ status: 400, description: 'problem+json naming `agentId` (missing, or an agent your tenant does not have)' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The case is closed or cancelled (`urn:hotline:problem:case-not-open`)' })
  async reassign(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string, @Body() body: unknown): Promise<AssignmentResponse> {
    const { agentId } = parseOr400(reassignRequest, body);
    return this.respond(caseId, await this.answer.reassign(principal.tenantId, caseId, agentId, actorOf(principal)));
  }

  private respond(caseId: string, assignment: StoredAssignment | undefined): AssignmentResponse {
    if (!assignment) throw assignmentNotFound(caseId);
    return toAssignmentResponse(assignment, this.settings.acceptWithinMs);
  }
}
