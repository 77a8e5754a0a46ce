import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyAuth, CurrentPrincipal, type Principal } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { mapConversations, readConversations } from './conversation-mapping';
import { genesysDetailEventsApiSchema } from './detail-events-api-schema';
import { mapDetailEvents, readDetailEvents } from './detail-event-mapping';
import { genesysConversationsApiSchema } from '../adapter-api-schemas';
import { type IgnoredDelivery, ignoredDelivery } from '../kit/ignored-delivery';
import { assertJsonDelivery } from '../kit/json-delivery';
import { eventsOf } from '../kit/mapping-result';
import { unmappableProblem } from '../kit/unmappable-problem';

const ADAPTER = 'genesys';

@ApiTags('adapters')
@Controller('v1/adapters/genesys')
export class GenesysController {
  constructor(private readonly pipeline: IngestPipeline) {}

  @Post('conversations')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiOperation({ summary: 'Send Genesys Cloud conversation detail records' })
  @ApiBody({
    schema: genesysConversationsApiSchema,
    description:
      'Genesys Cloud analytics conversation detail records: a `POST /api/v2/analytics/conversations/details/query` ' +
      'response (`{"conversations": [...]}`), an array of conversations, or one conversation',
  })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'Mapped onto contact.queued/answered/abandoned/transferred/ended and stored: `{accepted: [ids], duplicates: [ids]}`; events of a re-sent conversation that are already kept count as duplicates, even if changed' })
  @ApiResponse({ status: 415, description: 'Not application/json' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable conversation lacks (with its index in a batch); nothing stored' })
  async conversations(
    @CurrentPrincipal() principal: Principal,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult> {
    assertJsonDelivery(contentType, body);
    const delivery = readConversations(body);
    if (!delivery.ok) throw unmappableProblem('the delivery', [{ path: '', message: delivery.message }]);
    if (delivery.conversations.length === 0) return { accepted: [], duplicates: [] };
    const mapped = mapConversations(delivery.conversations, delivery.batch);
    if (mapped.outcome === 'unmappable') throw unmappableProblem('some conversations', mapped.errors);
    // Conversations are re-queried and re-sent as they progress, under the same derived ids: a
    // changed re-send is expected (the delivery is kept), not a conflict.
    return this.pipeline.ingest(principal.tenantId, eventsOf(mapped), {
      indexed: true,
      original: { adapter: ADAPTER, payload: body },
      changedResends: 'duplicate',
    });
  }

  @Post('events')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiOperation({ summary: 'Send Genesys Cloud live conversation notifications (detail events, conversations; notification channel or EventBridge)' })
  @ApiBody({
    schema: genesysDetailEventsApiSchema,
    description:
      'Analytics detail events of `v2.detail.events.conversation.{id}.*` topics, or `v2.conversations.{id}` notifications (the ' +
      'conversation as it stands): one notification (`{topicName, eventBody}`) or Amazon EventBridge event (`{"detail-type", "detail"}`), ' +
      'or an array of them',
  })
  @ApiResponse({
    status: 202,
    schema: ingestResultApiSchema,
    description:
      'acd.start, acd.end, user.end, customer.end and acw, and v2.conversations.{id} snapshots, mapped onto ' +
      'contact.queued/answered/abandoned/transferred/ended/completed under the detail records\' ids ' +
      '(`{accepted: [ids], duplicates: [ids]}`): a milestone the conversations route already brought is a duplicate, and the other way round',
  })
  @ApiResponse({ status: 200, description: 'No contact milestone (another topic, customer.start, user.start, a transfer): `{accepted: [], ignored}`' })
  @ApiResponse({ status: 415, description: 'Not application/json' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  @ApiResponse({ status: 400, description: 'problem+json naming each path holding text PostgreSQL cannot keep (NUL, a lone surrogate); nothing stored' })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable notification lacks (with its index in a batch); nothing stored' })
  async events(
    @CurrentPrincipal() principal: Principal,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IngestResult | IgnoredDelivery> {
    assertJsonDelivery(contentType, body);
    const delivery = readDetailEvents(body);
    const { result, supersededBy } = mapDetailEvents(delivery.records, delivery.batch);
    if (result.outcome === 'unmappable') throw unmappableProblem('some notifications', result.errors);
    // Notification channels and EventBridge carry every subscribed topic: the others need only a 2xx.
    if (result.outcome === 'ignored') return ignoredDelivery(res, result.reason);
    return this.pipeline.ingest(principal.tenantId, eventsOf(result), {
      indexed: delivery.batch,
      original: { adapter: ADAPTER, payload: body },
      // The detail record of the same conversation brings the same milestones under the same ids.
      changedResends: 'duplicate',
      // A customer's end is the contact's end only while no agent answered it.
      supersededBy,
    });
  }
}
