import { Body, Controller, Headers, HttpCode, Inject, Optional, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags, type SchemaObject, type SecuritySchemeObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CorrelationContext } from '@hotline/messaging';
import { AUTH_FAILURE_LISTENER, AuthenticatesItself, type AuthFailureListener, ProblemException } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { assertStorablePayload } from '../kit/storable-payload';
import { unmappableProblem } from '../kit/unmappable-problem';
import { helpScoutRatingApiSchema } from './helpscout-api-schema';
import { mapHelpScoutRating } from './helpscout-rating-mapping';
import { HelpScoutRequestVerifier } from './helpscout-request-verifier';

const ADAPTER = 'helpscout';
const ROUTE = 'POST /v1/adapters/helpscout/satisfaction-ratings';
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const RATING_EVENT = 'satisfaction.ratings';

const HELPSCOUT_SIGNATURE_SECURITY = 'helpscout-signature';
const HELPSCOUT_SIGNATURE_SCHEME: SecuritySchemeObject = {
  type: 'apiKey',
  in: 'header',
  name: 'X-HelpScout-Signature',
  description: "Help Scout's signature of the raw body: Base64 HMAC-SHA1 with the secret key of the tenant's webhook",
};

const IGNORED_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['accepted', 'ignored'],
  properties: { accepted: { type: 'array', maxItems: 0, items: { type: 'string' } }, ignored: { type: 'string', description: 'The X-HelpScout-Event' } },
};

export interface IgnoredDelivery {
  accepted: [];
  ignored: string;
}

/**
 * Help Scout's webhook. Help Scout cannot send our API key, so the route is open at the guard and
 * authenticates each delivery itself by its X-HelpScout-Signature, against the tenant's secret key.
 */
@ApiTags('adapters')
@Controller('v1/adapters/helpscout')
export class HelpScoutController {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly verifier: HelpScoutRequestVerifier,
    @Optional() @Inject(AUTH_FAILURE_LISTENER) private readonly failures?: AuthFailureListener,
  ) {}

  /** The webhook's callback URL: `https://<intake>/v1/adapters/helpscout/satisfaction-ratings?tenant=<tenantId>`. */
  @Post('satisfaction-ratings')
  @AuthenticatesItself(HELPSCOUT_SIGNATURE_SECURITY, HELPSCOUT_SIGNATURE_SCHEME)
  @HttpCode(202)
  @ApiOperation({ summary: 'Receive a Help Scout satisfaction rating webhook' })
  @ApiQuery({ name: 'tenant', schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'The tenant whose Help Scout webhook sends the ratings' })
  @ApiBody({ schema: helpScoutRatingApiSchema, description: 'The `satisfaction.ratings` event: a Rating object (id, ticketId, rating, comments, createdAt, modifiedAt, …)' })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'Mapped onto survey.completed (Great → 5, Okay → 3, Bad → 1, the word kept as platformScore) and stored' })
  @ApiResponse({ status: 200, schema: IGNORED_SCHEMA, description: 'Another webhook event (X-HelpScout-Event): `{accepted: [], ignored: "<event>"}`, nothing stored' })
  @ApiResponse({ status: 403, description: 'Missing or invalid signature, a missing or unusable tenant, or a tenant with no Help Scout secret key (not told apart); checked before anything else' })
  @ApiResponse({ status: 415, description: 'A signed delivery that is not application/json' })
  @ApiResponse({ status: 422, description: 'problem+json naming what the rating (or the X-HelpScout-Event header) lacks; nothing stored' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored (Help Scout retries)" })
  async satisfactionRatings(
    @Req() req: RawBodyRequest<Request>,
    @Res({ passthrough: true }) res: Response,
    @Query('tenant') tenant: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-helpscout-event') event: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult | IgnoredDelivery> {
    const tenantId = usableTenant(tenant);
    if (!(await this.verifier.verify(req, tenantId)) || !tenantId) {
      // Counted with API-key failures: repeated forged deliveries become one access.denied event.
      this.failures?.onAuthFailure({ reason: 'invalid-signature', remoteAddress: req.ip, route: ROUTE });
      throw new ProblemException({ status: 403, detail: 'The request is not signed by the Help Scout webhook of this tenant.' });
    }
    if (!contentType || !JSON_TYPE.test(contentType)) throw new UnsupportedMediaTypeException('Help Scout webhooks are application/json');
    assertStorablePayload(body);
    const correlation = CorrelationContext.current();
    if (correlation) correlation.tenantId = tenantId;
    const eventName = event?.trim();
    if (!eventName) throw unmappableProblem('the delivery', [{ path: 'header X-HelpScout-Event', message: `Required: the webhook event, e.g. ${RATING_EVENT}` }]);
    if (eventName !== RATING_EVENT) {
      // The same webhook may carry conversation or customer events: Help Scout only needs a 2xx.
      res.status(200);
      return { accepted: [], ignored: eventName.slice(0, 200) };
    }
    const mapping = mapHelpScoutRating(body);
    if (mapping.outcome === 'unmappable') throw unmappableProblem(`this '${RATING_EVENT}' delivery`, mapping.errors);
    if (mapping.outcome === 'ignored') {
      res.status(200);
      return { accepted: [], ignored: mapping.eventType };
    }
    // A re-sent rating under the same id and modifiedAt is a duplicate; a changed rating has a new time, so a new id.
    return this.pipeline.ingest(tenantId, mapping.events, { original: { adapter: ADAPTER, payload: body }, changedResends: 'duplicate' });
  }
}

/** One query value of 1–200 characters; anything else (missing, repeated, empty, too long) is no tenant. */
function usableTenant(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
