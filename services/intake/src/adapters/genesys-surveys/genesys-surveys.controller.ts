import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyAuth, CurrentPrincipal, type Principal } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import type { IgnoredDelivery } from '../kit/ignored-delivery';
import { ingestSurveyDelivery, type SurveyFeed } from '../kit/survey-delivery';
import { genesysSurveysApiSchema } from './survey-api-schema';
import { mapSurveys, readSurveys } from './survey-mapping';

const GENESYS_SURVEYS: SurveyFeed = { adapter: 'genesys-surveys', records: 'surveys', read: readSurveys, map: mapSurveys };

@ApiTags('adapters')
@Controller('v1/adapters/genesys')
export class GenesysSurveysController {
  constructor(private readonly pipeline: IngestPipeline) {}

  /** A Genesys Cloud notification relay or EventBridge API destination (its header a Hotline API key), or a backfill of survey pages. */
  @Post('surveys')
  @HttpCode(202)
  @ApiKeyAuth('events:write')
  @ApiOperation({ summary: 'Send Genesys Cloud web survey results (CSAT / NPS)' })
  @ApiBody({
    schema: genesysSurveysApiSchema,
    description: 'A Quality API survey, an array or page of them (`{"entities": [...]}`), or a notification / EventBridge event carrying one in `eventBody`',
  })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'Finished surveys mapped onto survey.completed (totalScore 0–100, else npsScore 0–10, on 1–5; the answer kept as platformScore) and stored' })
  @ApiResponse({ status: 200, description: 'No finished survey, or a notification of something else: `{accepted: [], ignored}`, nothing stored' })
  @ApiResponse({ status: 415, description: 'Not application/json' })
  @ApiResponse({ status: 422, description: 'problem+json naming what each unmappable survey lacks (with its index in a list); nothing stored' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored" })
  surveys(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult | IgnoredDelivery> {
    return ingestSurveyDelivery(this.pipeline, GENESYS_SURVEYS, { tenantId: principal.tenantId, res, contentType, body });
  }
}
