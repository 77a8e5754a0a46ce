import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { z } from 'zod';
import { incidentNotFound, incidentStepProblem } from './incident-problems';
import { completeStepRequest } from './incident-requests';
import { type IncidentDetail, incidentDetailSchema } from './incident-response';
import { CompleteIncidentStep } from './use-cases/complete-incident-step';

const incidentId = z.uuid();

@ApiTags('incidents')
@Controller('v1/incidents/:id/steps')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs, or not the step’s owner role (nor security)' })
export class IncidentStepsController {
  constructor(private readonly completeStep: CompleteIncidentStep) {}

  @Post(':stepId/complete')
  @HttpCode(200)
  @Roles('security', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Complete a step of the incident’s response plan',
    description:
      'By the step’s owner role, or security. Marks it done, cancels its deadline timer, records it on the timeline and publishes `audit.recorded`, in one transaction. Idempotent: completing a done step again changes nothing and answers 200 with the incident as it is (the first note stays).',
  })
  @ApiBody({ schema: zodApiSchema(completeStepRequest, 'input', 'CompleteStepRequest') })
  @ApiResponse({ status: 200, schema: zodApiSchema(incidentDetailSchema, 'output', 'Incident'), description: 'The incident with the step done' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad field, e.g. `note`' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such incident, or its plan no such step (the plan’s steps are named)' })
  @ApiResponse({ status: 409, description: 'The incident is closed (`urn:hotline:problem:incident-closed`); nothing was changed' })
  async complete(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('stepId') stepId: string, @Body() body: unknown): Promise<IncidentDetail> {
    const { note } = parseOr400(completeStepRequest, body ?? {});
    if (!incidentId.safeParse(id).success) throw incidentNotFound(id);
    const done = await this.completeStep.execute({ tenantId: principal.tenantId, incidentId: id, stepId, note, actor: actorOf(principal) }).catch((error: unknown) => {
      throw incidentStepProblem(error);
    });
    if (!done) throw incidentNotFound(id);
    return done;
  }
}
