import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyAuth, CurrentPrincipal, type Principal } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { zendeskRatingsApiSchema } from '../adapter-api-schemas';
import type { IgnoredDelivery } from '../kit/ignored-delivery';
import { ingestSurveyDelivery, type SurveyFeed } from '../kit/survey-delivery';
import { mapRatings, readRatings } from './zendesk-rating-mapping';

const ZENDESK_RATINGS: SurveyFeed = { adapter: 'zendesk', records: 'ratings', read: readRatings, map: mapRatings };

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
  satisfactionRatings(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult | IgnoredDelivery> {
    return ingestSurveyDelivery(this.pipeline, ZENDESK_RATINGS, { tenantId: principal.tenantId, res, contentType, body });
  }
}
