import { Body, Controller, Headers, HttpCode, Post, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiKeyAuth, CurrentPrincipal, type Principal } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { assertStorablePayload } from '../kit/storable-payload';
import { unmappableProblem } from '../kit/unmappable-problem';
import { genesysSurveysApiSchema } from './survey-api-schema';
import { mapSurveys, readSurveys } from './survey-mapping';

const ADAPTER = 'genesys-surveys';
const JSON_TYPE = /^application\/json\s*(;|$)/i;

export interface IgnoredSurveys {
  accepted: [];
  ignored: string;
}

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
  async surveys(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult | IgnoredSurveys> {
    if (!contentType || !JSON_TYPE.test(contentType)) throw new UnsupportedMediaTypeException('Send application/json');
    assertStorablePayload(body);
    const delivery = readSurveys(body);
    if (!delivery.ok) throw unmappableProblem('the delivery', [{ path: '', message: delivery.message }]);
    if ('ignored' in delivery) {
      res.status(200);
      return { accepted: [], ignored: delivery.ignored };
    }
    const mapping = mapSurveys(delivery.surveys, delivery.batch);
    if (mapping.outcome === 'unmappable') throw unmappableProblem('some surveys', mapping.errors);
    if (mapping.outcome === 'ignored') {
      res.status(200);
      return { accepted: [], ignored: mapping.reason };
    }
    // A re-sent survey has the same id and completedDate: a duplicate.
    return this.pipeline.ingest(principal.tenantId, mapping.events, {
      indexed: delivery.batch,
      original: { adapter: ADAPTER, payload: body },
      changedResends: 'duplicate',
    });
  }
}
