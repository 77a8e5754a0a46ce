import { Body, Controller, Headers, HttpCode, Post, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth, CurrentPrincipal, type Principal } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { mapConversations, readConversations } from './conversation-mapping';
import { genesysConversationsApiSchema } from '../adapter-api-schemas';
import { assertStorablePayload } from '../kit/storable-payload';
import { eventsOf } from '../kit/mapping-result';
import { unmappableProblem } from '../kit/unmappable-problem';

const ADAPTER = 'genesys';
const JSON_TYPE = /^application\/json\s*(;|$)/i;

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
    if (!contentType || !JSON_TYPE.test(contentType)) throw new UnsupportedMediaTypeException('Send application/json');
    assertStorablePayload(body);
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
}
