import { Body, Controller, Headers, HttpCode, Inject, Optional, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags, type SecuritySchemeObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AUTH_FAILURE_LISTENER, AuthenticatesItself, type AuthFailureListener } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { taskRouterCallbackApiSchema, voiceCallbackApiSchema } from '../adapter-api-schemas';
import { type IgnoredDelivery, ignoredDelivery, ignoredDeliveryApiSchema } from '../kit/ignored-delivery';
import type { MappingResult } from '../kit/mapping-result';
import { usableQueryText } from '../kit/query-text';
import { authenticateSignedDelivery } from '../kit/signed-delivery';
import { unmappableProblem } from '../kit/unmappable-problem';
import { mapTaskRouterEvent } from './taskrouter-event-mapping';
import { TwilioRequestVerifier } from './twilio-request-verifier';
import { mapVoiceCallback } from './voice-callback-mapping';
import { twimlFor } from './voice-twiml';

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

const TWILIO_SIGNATURE_SECURITY = 'twilio-signature';
const TWILIO_SIGNATURE_SCHEME: SecuritySchemeObject = {
  type: 'apiKey',
  in: 'header',
  name: 'X-Twilio-Signature',
  description: "Twilio's signature of the callback URL and its form parameters, made with the tenant's Twilio auth token",
};

const IGNORED_CALLBACK_SCHEMA = ignoredDeliveryApiSchema('The EventType');

const TENANT_QUERY = { name: 'tenant', schema: { type: 'string' as const, minLength: 1, maxLength: 200 }, description: 'The tenant whose Twilio account sends the callbacks' };

/** A callback that passed its signature check: its tenant and form parameters. */
interface SignedCallback {
  tenantId: string;
  params: Record<string, unknown>;
}

/**
 * Twilio's callbacks. Twilio cannot send our API key, so each route is open at the guard and
 * authenticates the request itself by its X-Twilio-Signature, against the tenant's auth token.
 */
@ApiTags('adapters')
@Controller('v1/adapters/twilio')
export class TwilioCallbacksController {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly verifier: TwilioRequestVerifier,
    @Optional() @Inject(AUTH_FAILURE_LISTENER) private readonly failures?: AuthFailureListener,
  ) {}

  /** The workspace's EventCallbackUrl: `https://<intake>/v1/adapters/twilio/taskrouter?tenant=<tenantId>`. */
  @Post('taskrouter')
  @AuthenticatesItself(TWILIO_SIGNATURE_SECURITY, TWILIO_SIGNATURE_SCHEME)
  @HttpCode(202)
  @ApiOperation({ summary: 'Receive a Twilio TaskRouter event callback' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiQuery(TENANT_QUERY)
  @ApiBody({ schema: taskRouterCallbackApiSchema, description: 'A TaskRouter event callback: EventType, TaskSid, TaskAttributes, TimestampMs, …' })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'Mapped and stored: `{accepted: [ids], duplicates: [ids]}`; a milestone already kept counts as a duplicate, even if this callback differs' })
  @ApiResponse({ status: 200, schema: IGNORED_CALLBACK_SCHEMA, description: 'An event type that is no contact or agent milestone: `{accepted: [], ignored: "<EventType>"}`' })
  @ApiResponse({ status: 403, description: 'Missing or invalid signature, a missing or unusable tenant, or a tenant with no Twilio auth token (not told apart); checked before anything else' })
  @ApiResponse({ status: 415, description: 'A signed callback that is not application/x-www-form-urlencoded' })
  @ApiResponse({ status: 429, description: "The tenant's event rate limit is exhausted; nothing stored (Twilio retries)" })
  @ApiResponse({ status: 422, description: 'problem+json naming what a mapped event type lacks; nothing stored' })
  async taskRouter(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('tenant') tenant: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult | IgnoredDelivery> {
    const { tenantId, params } = await this.authenticate(req, tenant, contentType, body, 'taskrouter');
    return this.ingest(res, tenantId, mapTaskRouterEvent(params), 'TaskRouter', 'twilio-taskrouter', body);
  }

  /**
   * A Voice call's StatusCallback, and the `<Enqueue>`/`<Queue>` callbacks of a centre that queues
   * calls without TaskRouter: `https://<intake>/v1/adapters/twilio/voice?tenant=<tenantId>[&queue=<name>][&agent=<id>]`.
   * Queue callbacks fetch TwiML, so they are answered with TwiML that lets the call go on.
   */
  @Post('voice')
  @AuthenticatesItself(TWILIO_SIGNATURE_SECURITY, TWILIO_SIGNATURE_SCHEME)
  @HttpCode(202)
  @ApiOperation({ summary: 'Receive a Twilio Voice status callback or <Enqueue>/<Queue> callback' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('application/json', 'text/xml')
  @ApiQuery(TENANT_QUERY)
  @ApiQuery({ name: 'queue', required: false, schema: { type: 'string', maxLength: 200 }, description: "The queue's name (Twilio sends only its QueueSid)" })
  @ApiQuery({ name: 'agent', required: false, schema: { type: 'string', maxLength: 200 }, description: 'On a <Queue> url: the agent who dequeues the call (Twilio does not say)' })
  @ApiBody({ schema: voiceCallbackApiSchema, description: 'A Voice callback: CallSid with CallStatus and Timestamp, or QueueSid, QueueTime and QueueResult / QueuePosition / DequeingCallSid' })
  @ApiResponse({ status: 202, schema: ingestResultApiSchema, description: 'A status callback, mapped and stored: `{accepted: [ids], duplicates: [ids]}`' })
  @ApiResponse({ status: 200, description: 'A queue callback (TwiML that lets the call go on, after storing its milestone), or a status that is no milestone (`{accepted: [], ignored}`)' })
  @ApiResponse({ status: 403, description: 'Missing or invalid signature, a missing or unusable tenant, or a tenant with no Twilio auth token (not told apart); checked before anything else' })
  @ApiResponse({ status: 415, description: 'A signed callback that is not application/x-www-form-urlencoded' })
  @ApiResponse({ status: 422, description: 'problem+json naming what the callback lacks (e.g. `query.agent`, `QueueTime`); nothing stored' })
  async voice(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query('tenant') tenant: unknown,
    @Query('queue') queue: unknown,
    @Query('agent') agent: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<IngestResult | IgnoredDelivery | string> {
    const { tenantId, params } = await this.authenticate(req, tenant, contentType, body, 'voice');
    const mapping = mapVoiceCallback(params, { receivedAt: new Date(), queue: usableQueryText(queue), agent: usableQueryText(agent) });
    const result = await this.ingest(res, tenantId, mapping, 'Voice', 'twilio-voice', body);
    const twiml = twimlFor(params);
    if (twiml === undefined) return result;
    res.status(200).type('text/xml');
    return twiml;
  }

  /** A body that is not form-encoded is signed as no parameters: its 415 comes only after the signature. */
  private async authenticate(req: Request, tenant: unknown, contentType: string | undefined, body: unknown, route: string): Promise<SignedCallback> {
    const form = contentType !== undefined && FORM.test(contentType) && typeof body === 'object' && body !== null;
    const params = form ? (body as Record<string, unknown>) : {};
    const tenantId = await authenticateSignedDelivery(
      req,
      {
        route: `POST /v1/adapters/twilio/${route}`,
        signer: 'the Twilio account',
        tenant,
        verify: (id) => this.verifier.verify(req, id, params),
        supported: form,
        unsupported: 'Twilio callbacks are application/x-www-form-urlencoded',
        payload: params,
      },
      this.failures,
    );
    return { tenantId, params };
  }

  private async ingest(res: Response, tenantId: string, mapping: MappingResult, feed: string, adapter: string, body: unknown): Promise<IngestResult | IgnoredDelivery> {
    if (mapping.outcome === 'unmappable') {
      throw unmappableProblem(
        `this ${feed} ${mapping.eventType ? `'${mapping.eventType}' ` : ''}callback`,
        mapping.errors.map(({ path, message }) => ({ path, message })),
      );
    }
    // Twilio only needs a 2xx; nothing is stored for callbacks that mean nothing to Hotline.
    if (mapping.outcome === 'ignored') return ignoredDelivery(res, mapping.eventType);
    // Several callbacks map onto one milestone id (task.wrapup then task.completed; each loop of a
    // queue's wait): the later one is a duplicate of the kept milestone, not a conflict Twilio could mend.
    return this.pipeline.ingest(tenantId, mapping.events, { original: { adapter, payload: body }, changedResends: 'duplicate' });
  }
}
