import { Body, Controller, Headers, HttpCode, Post, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth, CurrentPrincipal, type Principal, ProblemException, ValidationProblem } from '@hotline/platform';
import { conflictProblem } from '../ingest/conflict-problem';
import { readBatch } from '../ingest/domain/ingest-batch';
import { IngestPipeline, type IngestResult } from '../ingest/ingest-pipeline';
import { ingestRequestApiSchema, ingestResultApiSchema } from './ingest-api-schemas';
import { isBinaryMode, namingHeaders, readBinaryModeEvent, type RequestHeaders } from './domain/binary-mode';

const JSON_TYPES = /^application\/(json|cloudevents\+json|cloudevents-batch\+json)\s*(;|$)/i;

const BINARY_MODE =
  'CloudEvents HTTP binary mode: the attributes as `ce-*` headers (percent-encoded values), the body is `data` (Content-Type application/json)';

@ApiTags('ingest')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly pipeline: IngestPipeline) {}

  @Post()
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiOperation({ summary: 'Send platform events: one, or a batch of up to 1,000' })
  @ApiConsumes('application/json', 'application/cloudevents+json', 'application/cloudevents-batch+json')
  @ApiBody({
    schema: ingestRequestApiSchema,
    description:
      'Structured mode: one platform event (CloudEvents 1.0 JSON, `application/json` or `application/cloudevents+json`). ' +
      'Batch: `{"events": [...]}` or an array of events (`application/cloudevents-batch+json`). ' +
      'Binary mode (when `ce-specversion` is sent): the body is the event\'s `data` and the attributes are `ce-*` headers.',
  })
  @ApiHeader({ name: 'ce-specversion', required: false, description: `${BINARY_MODE}. Sending it selects binary mode: '1.0'` })
  @ApiHeader({ name: 'ce-id', required: false, description: 'Binary mode: the event id (required in binary mode)' })
  @ApiHeader({ name: 'ce-source', required: false, description: 'Binary mode: the source URI-reference (required in binary mode)' })
  @ApiHeader({ name: 'ce-type', required: false, description: 'Binary mode: the event type, e.g. contact.queued (required in binary mode)' })
  @ApiHeader({ name: 'ce-time', required: false, description: 'Binary mode: when it happened, RFC 3339 (required in binary mode)' })
  @ApiHeader({ name: 'ce-subject', required: false, description: 'Binary mode: optional subject' })
  @ApiHeader({ name: 'ce-dataversion', required: false, description: "Binary mode: the data schema version, default '1'" })
  @ApiHeader({ name: 'ce-correlationid', required: false, description: 'Binary mode: optional correlation id' })
  @ApiHeader({
    name: 'ce-causationid',
    required: false,
    description: 'Binary mode: optional causation id. Other `ce-<name>` headers are extension attributes; `ce-tenantid` is refused (the API key decides the tenant)',
  })
  @ApiResponse({
    status: 202,
    schema: ingestResultApiSchema,
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
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored. Retry after `Retry-After` seconds" })
  @ApiResponse({ status: 415, description: 'not JSON; in binary mode, data that is not application/json' })
  async ingest(
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Body() body: unknown,
  ): Promise<IngestResult> {
    if (isBinaryMode(headers)) return this.ingestBinary(principal, headers, body);
    const contentType = headers['content-type'];
    if (typeof contentType !== 'string' || !JSON_TYPES.test(contentType)) {
      throw new UnsupportedMediaTypeException('Send application/json or application/cloudevents+json');
    }
    const shape = readBatch(body);
    if (!shape.ok && shape.tooLarge) throw new ProblemException({ status: 413, detail: shape.message });
    if (!shape.ok) throw new ValidationProblem([{ path: '', message: shape.message }]);
    const result = await this.pipeline.ingest(principal.tenantId, shape.items, { indexed: shape.batch });
    if (!shape.batch && result.conflicts?.length) throw conflictProblem(result.conflicts[0]);
    return result;
  }

  /** One event in binary mode, through the same pipeline as a structured one. */
  private async ingestBinary(principal: Principal, headers: RequestHeaders, body: unknown): Promise<IngestResult> {
    const read = readBinaryModeEvent(headers, body);
    if (!read.ok && 'unsupportedMediaType' in read) throw new UnsupportedMediaTypeException(read.unsupportedMediaType);
    if (!read.ok) throw new ValidationProblem(read.errors); // their messages name the header already
    try {
      const result = await this.pipeline.ingest(principal.tenantId, [read.event], { indexed: false });
      if (result.conflicts?.length) throw conflictProblem(result.conflicts[0]);
      return result;
    } catch (error) {
      if (error instanceof ValidationProblem) throw new ValidationProblem(namingHeaders(error.problem.errors ?? []));
      throw error;
    }
  }
}
