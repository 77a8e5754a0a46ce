import { Controller, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiKeyAuth, CurrentPrincipal, type Principal, ValidationProblem } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { type IngestOptions, IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { mapAgentEvents, resourceNamesOf } from './agent-event-mapping';
import { arnsOf, mapContactEvents } from './contact-event-mapping';
import { ConnectResourceNames } from './connect-resource-names';
import { mapContactLensFiles, redactedCopyOf } from './contact-lens-mapping';
import { mapContactRecords } from './contact-record-mapping';
import { CONTACT_SURVEY, type ContactSurveySettings } from './contact-survey';
import { mapContactLensSegmentEvents, redactedSegmentsOf } from './contact-lens-segments-mapping';
import { type Delivery, readContactEvents, readContactLensFiles, readStreamedRecords } from './delivery-body';
import {
  agentEventsApiSchema,
  contactEventsApiSchema,
  contactLensApiSchema,
  contactLensSegmentsApiSchema,
  contactRecordsApiSchema,
} from '../adapter-api-schemas';
import { type IgnoredDelivery, ignoredDelivery } from '../kit/ignored-delivery';
import type { MappingResult } from '../kit/mapping-result';
import { unmappableProblem } from '../kit/unmappable-problem';

const ADAPTER = 'amazon-connect';

@ApiTags('adapters')
@Controller('v1/adapters/amazon-connect')
export class AmazonConnectController {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly names: ConnectResourceNames,
    @Inject(CONTACT_SURVEY) private readonly survey: ContactSurveySettings,
  ) {}

  @Post('contact-records')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiConsumes('application/json', 'application/x-ndjson', 'text/plain')
  @ApiOperation({ summary: 'Send Amazon Connect contact records (CTRs)' })
  @ApiBody({
    schema: contactRecordsApiSchema,
    description: 'Amazon Connect contact records (CTR JSON): one record, an array, or newline-delimited / concatenated records',
  })
  @ApiResponse({
    status: 202,
    schema: ingestResultApiSchema,
    description:
      'Mapped onto contact.queued/answered/abandoned/transferred/ended, and survey attributes (default `csat` or `surveyScore`, 1–5) onto survey.completed, and stored: ' +
      '`{accepted: [ids], duplicates: [ids]}`. A re-sent record (a later LastUpdateTimestamp) adds only its new milestones; those already kept count as duplicates, ' +
      "and an older copy after a newer one adds nothing. contact.ended waits for the record showing the agent's after-contact work ended",
  })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable record lacks (with its index in a batch); nothing stored' })
  async contactRecords(@CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<IngestResult> {
    return this.ingest(principal, await readStreamedRecords(req), (records, batch) => mapContactRecords(records, batch, this.survey));
  }

  @Post('agent-events')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiConsumes('application/json', 'application/x-ndjson', 'text/plain')
  @ApiOperation({ summary: 'Send Amazon Connect agent events (agent event stream)' })
  @ApiBody({
    schema: agentEventsApiSchema,
    description: 'Amazon Connect agent events as the agent event stream writes them to Kinesis: one, an array, or newline-delimited',
  })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'LOGIN, STATE_CHANGE and LOGOUT mapped onto agent.status_changed and stored: `{accepted: [ids], duplicates: [ids]}`' })
  @ApiResponse({ status: 200, description: 'Only heartbeats: `{accepted: [], ignored}`, nothing stored' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable event lacks (with its index in a batch); nothing stored' })
  async agentEvents(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<IngestResult | IgnoredDelivery> {
    const delivery = await readStreamedRecords(req);
    const mapped = mapAgentEvents(delivery.records, delivery.batch);
    // Even a heartbeat names the agent and its queues: what contact events need to name them too.
    if (mapped.outcome !== 'unmappable') await this.names.learn(principal.tenantId, resourceNamesOf(delivery.records));
    if (mapped.outcome === 'ignored') return ignoredDelivery(res, mapped.reason);
    return this.ingest(principal, delivery, () => mapped);
  }

  @Post('contact-events')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiConsumes('application/json')
  @ApiOperation({ summary: 'Send Amazon Connect contact events (EventBridge)' })
  @ApiBody({
    schema: contactEventsApiSchema,
    description: 'EventBridge "Amazon Connect Contact Event" events, one or an array (an EventBridge API destination posts them)',
  })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'QUEUED, CONNECTED_TO_AGENT, a caller\'s hang-up while queued and COMPLETED after After Contact Work, mapped onto contact.queued/answered/abandoned/completed under the contact records\' ids' })
  @ApiResponse({ status: 200, description: 'No live milestone (INITIATED, CONNECTED_TO_SYSTEM, an answered contact\'s DISCONNECTED, COMPLETED without After Contact Work, …): `{accepted: [], ignored}`' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable event lacks (with its index in a batch); nothing stored' })
  async contactEvents(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<IngestResult | IgnoredDelivery> {
    const delivery = readContactEvents(req);
    const names = await this.names.lookup(principal.tenantId, arnsOf(delivery.records));
    const mapped = mapContactEvents(delivery.records, (arn) => names.get(arn), delivery.batch);
    if (mapped.outcome === 'ignored') return ignoredDelivery(res, mapped.reason);
    return this.ingest(principal, delivery, () => mapped);
  }

  @Post('contact-lens')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiConsumes('application/json')
  @ApiOperation({ summary: 'Send Amazon Connect Contact Lens output files' })
  @ApiQuery({
    name: 'objectKey',
    required: false,
    schema: { type: 'string', maxLength: 1024 },
    description:
      "The file's S3 object key (`Analysis/Voice/[Redacted/]yyyy/mm/dd/<contactId>_analysis[_redacted]_<time>.json`), for one file: names its contact and whether it is redacted",
  })
  @ApiBody({
    schema: contactLensApiSchema,
    description: 'A Contact Lens conversational analytics output file (the JSON written to S3), or an array of them',
  })
  @ApiResponse({
    status: 202,
    schema: ingestResultApiSchema,
    description:
      'Mapped onto transcript.recorded and stored: `{accepted: [ids], duplicates: [ids]}`. A file sent again counts as a duplicate; so does an original file whose redacted copy is already kept (the redacted one supersedes it)',
  })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  @ApiResponse({ status: 400, description: 'problem+json: `query.objectKey` is not one key for one file' })
  @ApiResponse({ status: 422, description: 'problem+json naming what the file lacks, or an object key naming no analysis or another contact; nothing stored' })
  contactLens(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Query('objectKey') objectKey: unknown): Promise<IngestResult> {
    const delivery = readContactLensFiles(req);
    const key = objectKeyOf(objectKey, delivery);
    const receivedAt = new Date().toISOString();
    return this.ingest(principal, delivery, (files, batch) => mapContactLensFiles(files, { receivedAt, objectKey: key }, batch), {
      // The redacted analysis of a contact wins over its original, whichever arrives first.
      supersededBy: redactedCopyOf,
    });
  }

  @Post('contact-lens-segments')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiConsumes('application/json', 'application/x-ndjson', 'text/plain')
  @ApiOperation({ summary: 'Send Amazon Connect Contact Lens real-time analysis segments (segment streams)' })
  @ApiBody({
    schema: contactLensSegmentsApiSchema,
    description:
      'Contact Lens real-time contact analysis segment stream events as Kinesis carries them (STARTED, SEGMENTS, COMPLETED, FAILED; voice and chat): one, an array, or newline-delimited',
  })
  @ApiResponse({
    status: 202,
    schema: ingestResultApiSchema,
    description:
      "Each SEGMENTS event with final words (Transcript segments) or matched categories mapped onto one transcript.segmented and stored: `{accepted: [ids], duplicates: [ids]}`. A stream record delivered again counts as a duplicate; so does a chat's raw batch whose redacted copy is already kept",
  })
  @ApiResponse({ status: 200, description: 'Nothing to map (STARTED, COMPLETED, FAILED, partial utterances, issues, chat events, attachments, summaries): `{accepted: [], ignored}`' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable event lacks (with its index in a batch); nothing stored' })
  async contactLensSegments(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<IngestResult | IgnoredDelivery> {
    const delivery = await readStreamedRecords(req);
    const mapped = mapContactLensSegmentEvents(delivery.records, new Date().toISOString(), delivery.batch);
    if (mapped.outcome === 'ignored') return ignoredDelivery(res, mapped.reason);
    // A chat's redacted batch wins over its raw copy, whichever arrives first.
    return this.ingest(principal, delivery, () => mapped, { supersededBy: redactedSegmentsOf });
  }

  private ingest(
    principal: Principal,
    delivery: Delivery,
    map: (records: unknown[], batch: boolean) => MappingResult,
    options: Pick<IngestOptions, 'supersededBy'> = {},
  ): Promise<IngestResult> {
    const mapped = map(delivery.records, delivery.batch);
    if (mapped.outcome === 'unmappable') throw unmappableProblem('some records', mapped.errors);
    const events = mapped.outcome === 'mapped' ? mapped.events : [];
    return this.pipeline.ingest(principal.tenantId, events, {
      indexed: true,
      original: { adapter: ADAPTER, payload: delivery.payload },
      // Connect re-delivers updated records, and a contact's original and redacted Contact Lens
      // files, under the same derived ids: a changed re-send is expected, and the delivery is kept.
      changedResends: 'duplicate',
      ...options,
    });
  }
}

/** The objectKey query parameter: one key, for a delivery of one file. */
function objectKeyOf(objectKey: unknown, delivery: Delivery): string | undefined {
  if (objectKey === undefined) return undefined;
  const why =
    typeof objectKey !== 'string' || objectKey.length === 0 || objectKey.length > 1024
      ? 'Expected one S3 object key of at most 1024 characters'
      : delivery.batch
        ? 'An object key names one file: send each file with its key in a request of its own'
        : undefined;
  if (why) throw new ValidationProblem([{ path: 'query.objectKey', message: why }]);
  return objectKey as string;
}
