import { Body, Controller, Headers, HttpCode, Inject, Optional, Post, Query, Req, Res } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags, type SecuritySchemeObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AUTH_FAILURE_LISTENER, AuthenticatesItself, type AuthFailureListener } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { type IgnoredDelivery, ignoredDelivery, ignoredDeliveryApiSchema } from '../kit/ignored-delivery';
import { isJsonContentType } from '../kit/json-delivery';
import { authenticateSignedDelivery } from '../kit/signed-delivery';
import { unmappableProblem } from '../kit/unmappable-problem';
import { helpScoutRatingApiSchema } from './helpscout-api-schema';
import { mapHelpScoutRating } from './helpscout-rating-mapping';
import { HelpScoutRequestVerifier } from './helpscout-request-verifier';

const ADAPTER = 'helpscout';
const ROUTE = 'POST /v1/adapters/helpscout/satisfaction-ratings';
const RATING_EVENT = 'satisfaction.ratings';

const HELPSCOUT_SIGNATURE_SECURITY = 'helpscout-signature';
const HELPSCOUT_SIGNATURE_SCHEME: SecuritySchemeObject = {
  type: 'apiKey',
  in: 'header',
  name: 'X-HelpScout-Signature',
  description: "Help Scout's signature of the raw body: Base64 HMAC-SHA1 with the secret key of the tenant's webhook",
};

const IGNORED_SCHEMA = ignoredDeliveryApiSchema('The X-HelpScout-Event');

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
    const tenantId = await authenticateSignedDelivery(
      req,
      {
        route: ROUTE,
        signer: 'the Help Scout webhook',
        tenant,
        verify: (id) => this.verifier.verify(req, id),
        supported: isJsonContentType(contentType),
        unsupported: 'Help Scout webhooks are application/json',
        payload: body,
      },
      this.failures,
    );
    const eventName = event?.trim();
    if (!eventName) throw unmappableProblem('the delivery', [{ path: 'header X-HelpScout-Event', message: `Required: the webhook event, e.g. ${RATING_EVENT}` }]);
    // The same webhook may carry conversation or customer events: Help Scout only needs a 2xx.
    if (eventName !== RATING_EVENT) return ignoredDelivery(res, eventName.slice(0, 200));
    const mapping = mapHelpScoutRating(body);
    if (mapping.outcome === 'unmappable') throw unmappableProblem(`this '${RATING_EVENT}' delivery`, mapping.errors);
    if (mapping.outcome === 'ignored') return ignoredDelivery(res, mapping.eventType);
    // A re-sent rating under the same id and modifiedAt is a duplicate; a changed rating has a new time, so a new id.
    return this.pipeline.ingest(tenantId, mapping.events, { original: { adapter: ADAPTER, payload: body }, changedResends: 'duplicate' });
  }
}
