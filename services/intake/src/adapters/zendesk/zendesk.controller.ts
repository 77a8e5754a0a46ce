import { Body, Controller, Headers, HttpCode, Post, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyAuth, CurrentPrincipal, type Principal } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { zendeskRatingsApiSchema } from '../adapter-api-schemas';
import { assertStorablePayload } from '../kit/storable-payload';
import { unmappableProblem } from '../kit/unmappable-problem';
import { mapRatings, readRatings } from './zendesk-rating-mapping';

const ADAPTER = 'zendesk';
const JSON_TYPE = /^application\/json\s*(;|$)/i;

export interface IgnoredRatings {
  accepted: [];
  ignored: string;
}

@ApiTags('adapters')
@Controller('v1/adapters/zendesk')
export class ZendeskController {
  constructor(private readonly pipeline: IngestPipeline) {}

  /** A Zendesk webhook (bearer-token authentication with a Hotline API key) or a backfill of the ratings list. */
  @Post('satisfaction-ratings')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiOperation({ summary: 'Send Zendesk satisfaction ratings (CSAT)' })
  @ApiBody({
    schema: zendeskRatingsApiSchema,
    description: 'One rating (`{"satisfaction_rating": {...}}` or the rating itself) or a page of the Satisfaction Ratings API (`{"satisfaction_ratings": [...]}`)',
  })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'Mapped onto survey.completed (good → 5, bad → 1, the word kept as platformScore) and stored' })
  @ApiResponse({ status: 200, description: 'Only ratings offered and not answered yet: `{accepted: [], ignored}`, nothing stored' })
  @ApiResponse({ status: 415, description: 'Not application/json' })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable rating lacks (with its index in a list); nothing stored' })
  async satisfactionRatings(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult | IgnoredRatings> {
    if (!contentType || !JSON_TYPE.test(contentType)) throw new UnsupportedMediaTypeException('Send application/json');
    assertStorablePayload(body);
    const delivery = readRatings(body);
    if (!delivery.ok) throw unmappableProblem('the delivery', [{ path: '', message: delivery.message }]);
    const mapping = mapRatings(delivery.ratings, delivery.batch);
    if (mapping.outcome === 'unmappable') throw unmappableProblem('some ratings', mapping.errors);
    if (mapping.outcome === 'ignored') {
      res.status(200);
      return { accepted: [], ignored: mapping.reason };
    }
    // A re-sent rating under the same id and time is a duplicate; a changed rating has a new time, so a new id.
    return this.pipeline.ingest(principal.tenantId, mapping.events, {
      indexed: delivery.batch,
      original: { adapter: ADAPTER, payload: body },
      changedResends: 'duplicate',
    });
  }
}
