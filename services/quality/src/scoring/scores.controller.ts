import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, parseParametersOr400, type Principal, ProblemException, Roles, zodApiSchema } from '@hotline/platform';
import { scoreParams, type ScoreResponse, scoreResponseSchema } from './score-response';
import type { UnscoredReason } from './scores.repository';
import { ReadScore } from './use-cases/read-score';

/** The problem type of a contact whose transcript arrived but could not be scored. */
export const NOT_SCORED = 'urn:hotline:problem:not-scored';
const UNSCORED_REASONS: Record<UnscoredReason, string> = { 'no-segments': 'the transcript has no segments' };

@ApiTags('scores')
@Controller('v1/scores')
export class ScoresController {
  constructor(private readonly readScore: ReadScore) {}

  @Get(':contactId')
  @Roles('agent', 'supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "A contact's etiquette score (MANUAL ch. 3): 0–100 with itemised deductions, each naming its standard, version and clause" })
  @ApiParam({ name: 'contactId', example: 'C-1001', description: "The contact's id, as its transcript named it" })
  @ApiResponse({ status: 200, schema: zodApiSchema(scoreResponseSchema, 'output', 'ContactScore'), description: "The score of the contact's latest transcript" })
  @ApiResponse({ status: 400, description: 'problem+json naming `params.contactId` when it is longer than 200 characters' })
  @ApiResponse({
    status: 404,
    description: `Your tenant has no score for this contact: none yet (type \`about:blank\`), or its transcript was not scored (type \`${NOT_SCORED}\`, the detail says why: "the transcript has no segments")`,
  })
  async score(@CurrentPrincipal() principal: Principal, @Param('contactId') contactId: string): Promise<ScoreResponse> {
    const params = parseParametersOr400('params', scoreParams, { contactId });
    const found = await this.readScore.execute(principal.tenantId, params.contactId);
    if (found === null) throw new ProblemException({ status: 404, detail: `Your tenant has no score for contact ${params.contactId}.` });
    if ('unscored' in found) {
      throw new ProblemException({ status: 404, type: NOT_SCORED, title: 'Not scored', detail: `Contact ${params.contactId} was not scored: ${UNSCORED_REASONS[found.unscored]}.` });
    }
    return found.score;
  }
}
