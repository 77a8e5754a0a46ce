import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { COMPLAINT, COMPLAINT_NOT_FOUND } from './complaint-api';
import { complaintNotFound, complaintProblem } from './complaint-problems';
import { acknowledgementRequest, communicationRequest, feedbackRequest, resolutionRequest } from './complaint-requests';
import type { ComplaintResponse } from './complaint-response';
import { type ComplaintCommand, UpdateComplaint } from './use-cases/update-complaint';
import { FindComplaint } from './use-cases/find-complaint';

const ARCHIVED = '`urn:hotline:problem:complaint-archived` once the complaint is archived (it is immutable)';
const BAD_BODY = (field: string) => ({ status: 400, description: `problem+json naming the bad field, e.g. \`${field}\`` }) as const;

/**
 * The steps of a complaint's handling (MANUAL.md ch. 6). Each commits with `audit.recorded` in one
 * transaction and answers the complaint as it is now; a refusal is a 409 problem+json saying why.
 */
@ApiTags('complaints')
@Controller('v1/complaints')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class ComplaintUpdatesController {
  constructor(
    private readonly updates: UpdateComplaint,
    private readonly findComplaint: FindComplaint,
  ) {}

  @Post(':complaintId/acknowledgement')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Acknowledge a complaint to the complainant (once)', description: 'Signals `complaint_acknowledged` to the case’s clocks.' })
  @ApiBody({ schema: zodApiSchema(acknowledgementRequest, 'input', 'ComplaintAcknowledgementRequest'), required: false })
  @ApiResponse({ status: 200, schema: COMPLAINT, description: 'The complaint, acknowledged' })
  @ApiResponse(BAD_BODY('channel'))
  @ApiResponse(COMPLAINT_NOT_FOUND)
  @ApiResponse({ status: 409, description: `Already acknowledged (\`urn:hotline:problem:complaint-already-acknowledged\`), or ${ARCHIVED}` })
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('complaintId') complaintId: string, @Body() body: unknown): Promise<ComplaintResponse> {
    const request = parseOr400(acknowledgementRequest, body ?? {});
    return this.apply(principal, complaintId, (command) => this.updates.acknowledge(command, request));
  }

  @Post(':complaintId/communications')
  @HttpCode(201)
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Log a message with the complainant',
    description: 'An outbound message with `awaitingCustomer` signals `waiting_on_customer`; the next inbound one is their reply (`customer_replied`).',
  })
  @ApiBody({ schema: zodApiSchema(communicationRequest, 'input', 'ComplaintCommunicationRequest') })
  @ApiResponse({ status: 201, schema: COMPLAINT, description: 'The complaint with the message logged' })
  @ApiResponse(BAD_BODY('direction'))
  @ApiResponse(COMPLAINT_NOT_FOUND)
  @ApiResponse({ status: 409, description: ARCHIVED })
  communicate(@CurrentPrincipal() principal: Principal, @Param('complaintId') complaintId: string, @Body() body: unknown): Promise<ComplaintResponse> {
    const message = parseOr400(communicationRequest, body);
    return this.apply(principal, complaintId, (command) => this.updates.communicate(command, message));
  }

  @Post(':complaintId/resolution')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Resolve a complaint',
    description: 'Records the resolution and moves its case through the resolution (handling → follow_up, publishing `case.transitioned` and `case.resolved`) in one transaction.',
  })
  @ApiBody({ schema: zodApiSchema(resolutionRequest, 'input', 'ComplaintResolutionRequest') })
  @ApiResponse({ status: 200, schema: COMPLAINT, description: 'The complaint, resolved; its case at follow_up' })
  @ApiResponse(BAD_BODY('resolution'))
  @ApiResponse(COMPLAINT_NOT_FOUND)
  @ApiResponse({
    status: 409,
    description: `Its case is not in handling (\`urn:hotline:problem:complaint-cannot-resolve\`, naming the \`stage\`), or ${ARCHIVED}, or another move of the case committed first (\`urn:hotline:problem:case-changed\`)`,
  })
  resolve(@CurrentPrincipal() principal: Principal, @Param('complaintId') complaintId: string, @Body() body: unknown): Promise<ComplaintResponse> {
    const { resolution } = parseOr400(resolutionRequest, body);
    return this.apply(principal, complaintId, (command) => this.updates.resolve(command, resolution));
  }

  @Post(':complaintId/feedback')
  @HttpCode(200)
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Record the complainant’s feedback on the resolution (once per resolution)' })
  @ApiBody({ schema: zodApiSchema(feedbackRequest, 'input', 'ComplaintFeedbackRequest') })
  @ApiResponse({ status: 200, schema: COMPLAINT, description: 'The complaint with its feedback' })
  @ApiResponse(BAD_BODY('satisfied'))
  @ApiResponse(COMPLAINT_NOT_FOUND)
  @ApiResponse({
    status: 409,
    description: `Not resolved yet (\`urn:hotline:problem:complaint-not-resolved\`), feedback already given (\`urn:hotline:problem:complaint-feedback-given\`), or ${ARCHIVED}`,
  })
  feedback(@CurrentPrincipal() principal: Principal, @Param('complaintId') complaintId: string, @Body() body: unknown): Promise<ComplaintResponse> {
    const feedback = parseOr400(feedbackRequest, body);
    return this.apply(principal, complaintId, (command) => this.updates.giveFeedback(command, feedback));
  }

  @Post(':complaintId/archive')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Archive a complaint whose case is closed or cancelled (manual 6.4)',
    description: 'From then on the complaint and its case are immutable: every update and every transition of the case is a 409. Its history stays exportable.',
  })
  @ApiResponse({ status: 200, schema: COMPLAINT, description: 'The complaint, archived' })
  @ApiResponse(COMPLAINT_NOT_FOUND)
  @ApiResponse({ status: 409, description: `Its case is not closed or cancelled (\`urn:hotline:problem:complaint-not-closed\`, naming the \`stage\`), or already archived` })
  archive(@CurrentPrincipal() principal: Principal, @Param('complaintId') complaintId: string): Promise<ComplaintResponse> {
    return this.apply(principal, complaintId, (command) => this.updates.archive(command));
  }

  /** Runs an update as the caller, then answers the complaint as committed. */
  private async apply(principal: Principal, complaintId: string, update: (command: ComplaintCommand) => Promise<boolean>): Promise<ComplaintResponse> {
    const applied = await update({ tenantId: principal.tenantId, complaintId, actor: actorOf(principal) }).catch((error: unknown) => {
      throw complaintProblem(error);
    });
    const found = applied ? await this.findComplaint.execute(principal.tenantId, complaintId) : undefined;
    if (!found) throw complaintNotFound(complaintId);
    return found;
  }
}
