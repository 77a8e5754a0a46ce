import { Body, Controller, Headers, HttpCode, Post, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth, CurrentPrincipal, type Principal, ProblemException, ValidationProblem } from '@hotline/platform';
import { conflictProblem } from '../ingest/conflict-problem';
import { readBatch } from '../ingest/domain/ingest-batch';
import { IngestPipeline, type IngestResult } from '../ingest/ingest-pipeline';

const JSON_TYPES = /^application\/(json|cloudevents\+json|cloudevents-batch\+json)\s*(;|$)/i;

@ApiTags('ingest')
@ApiBearerAuth()
@Controller('v1/events')
export class EventsController {
  constructor(private readonly pipeline: IngestPipeline) {}

  @Post()
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiBody({ description: 'One platform event (CloudEvents 1.0 JSON), `{"events": [...]}`, or an array of events' })
  @ApiResponse({
    status: 202,
    description:
      'Stored and queued for publishing: `{accepted: [ids], duplicates: [ids]}`. An event is identified by its `source` and `id`: ' +
      'one already accepted with the same content is a duplicate (not published again). In a batch, one already accepted with ' +
      'different content is not stored again and is listed in `conflicts: [{id, source, status: 409, detail}]` (present only when there are any)',
  })
  @ApiResponse({
    status: 409,
    description:
      'problem+json naming the id and source of a single event already accepted with different content ' +
      '(type, time, subject, dataversion, data or extension attributes); nothing stored',
  })
  @ApiResponse({
    status: 400,
    description: 'problem+json listing every invalid field, with its index in a batch; or naming what PostgreSQL refused to store (nothing of the request kept)',
  })
  @ApiResponse({ status: 413, description: 'more than 1,000 events, or a body over 1 MiB' })
  @ApiResponse({ status: 415, description: 'not JSON' })
  async ingest(
    @CurrentPrincipal() principal: Principal,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult> {
    if (!contentType || !JSON_TYPES.test(contentType)) {
      throw new UnsupportedMediaTypeException('Send application/json or application/cloudevents+json');
    }
    const shape = readBatch(body);
    if (!shape.ok && shape.tooLarge) throw new ProblemException({ status: 413, detail: shape.message });
    if (!shape.ok) throw new ValidationProblem([{ path: '', message: shape.message }]);
    const result = await this.pipeline.ingest(principal.tenantId, shape.items, { indexed: shape.batch });
    if (!shape.batch && result.conflicts?.length) throw conflictProblem(result.conflicts[0]);
    return result;
  }
}
