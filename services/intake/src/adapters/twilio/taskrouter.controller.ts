import { Body, Controller, Headers, HttpCode, Inject, Optional, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiResponse, ApiTags, type SchemaObject, type SecuritySchemeObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CorrelationContext } from '@hotline/messaging';
import { AUTH_FAILURE_LISTENER, AuthenticatesItself, type AuthFailureListener, ProblemException } from '@hotline/platform';
import { ingestResultApiSchema } from '../../events/ingest-api-schemas';
import { IngestPipeline, type IngestResult } from '../../ingest/ingest-pipeline';
import { mapTaskRouterEvent, type TaskRouterParams } from './taskrouter-event-mapping';
import { TaskRouterRequestVerifier } from './taskrouter-request-verifier';
import { taskRouterCallbackApiSchema } from '../adapter-api-schemas';
import { assertStorablePayload } from '../kit/storable-payload';
import { unmappableProblem } from '../kit/unmappable-problem';

const ADAPTER = 'twilio-taskrouter';
const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

const TWILIO_SIGNATURE_SECURITY = 'twilio-signature';
const TWILIO_SIGNATURE_SCHEME: SecuritySchemeObject = {
  type: 'apiKey',
  in: 'header',
  name: 'X-Twilio-Signature',
  description: "Twilio's signature of the callback URL and its form parameters, made with the tenant's Twilio auth token",
};

const IGNORED_CALLBACK_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['accepted', 'ignored'],
  properties: { accepted: { type: 'array', maxItems: 0, items: { type: 'string' } }, ignored: { type: 'string', description: 'The EventType' } },
};

export interface IgnoredCallback {
  accepted: [];
  ignored: string;
}

@ApiTags('adapters')
@Controller('v1/adapters/twilio')
export class TaskRouterController {
  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly verifier: TaskRouterRequestVerifier,
    @Optional() @Inject(AUTH_FAILURE_LISTENER) private readonly failures?: AuthFailureListener,
  ) {}

  /**
   * The workspace's EventCallbackUrl: `https://<intake>/v1/adapters/twilio/taskrouter?tenant=<tenantId>`.
   * Twilio cannot send our API key, so the route is open at the guard and authenticates the request
   * itself by its X-Twilio-Signature, against the tenant's auth token.
   */
  @Post('taskrouter')
  @AuthenticatesItself(TWILIO_SIGNATURE_SECURITY, TWILIO_SIGNATURE_SCHEME)
  @HttpCode(202)
  @ApiOperation({ summary: 'Receive a Twilio TaskRouter event callback' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiQuery({ name: 'tenant', schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'The tenant whose Twilio account sends the callbacks' })
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
  ): Promise<IngestResult | IgnoredCallback> {
    // Authenticate first: an unsigned caller gets the same 403 whatever its tenant, content type or body.
    const form = contentType !== undefined && FORM.test(contentType) && typeof body === 'object' && body !== null;
    const params: TaskRouterParams = form ? (body as TaskRouterParams) : {};
    const tenantId = usableTenant(tenant);
    if (!(await this.verifier.verify(req, tenantId, params)) || !tenantId) {
      // Counted with API-key failures: repeated forged callbacks become one access.denied event.
      this.failures?.onAuthFailure({ reason: 'invalid-signature', remoteAddress: req.ip, route: 'POST /v1/adapters/twilio/taskrouter' });
      throw new ProblemException({ status: 403, detail: 'The request is not signed by the Twilio account of this tenant.' });
    }
    if (!form) throw new UnsupportedMediaTypeException('TaskRouter callbacks are application/x-www-form-urlencoded');
    assertStorablePayload(params);
    const correlation = CorrelationContext.current();
    if (correlation) correlation.tenantId = tenantId;

    const mapping = mapTaskRouterEvent(params);
    if (mapping.outcome === 'unmappable') throw unmappableProblem(
        `this TaskRouter ${mapping.eventType ? `'${mapping.eventType}' ` : ''}callback`,
        mapping.errors.map(({ path, message }) => ({ path, message })),
      );
    if (mapping.outcome === 'ignored') {
      // Twilio only needs a 2xx; nothing is stored for events that mean nothing to Hotline.
      res.status(200);
      return { accepted: [], ignored: mapping.eventType };
    }
    // Several callbacks map onto one milestone id (task.wrapup, then task.completed): the later one
    // is a duplicate of the kept milestone, not a conflict Twilio could do anything about.
    return this.pipeline.ingest(tenantId, mapping.events, { original: { adapter: ADAPTER, payload: body }, changedResends: 'duplicate' });
  }
}

/**
 * The tenant named by `?tenant=`, or undefined for anything no tenant can be called (missing,
 * repeated, empty, over 200 characters): such a callback is refused like a bad signature, and no
 * credential is looked up for it.
 */
function usableTenant(tenant: unknown): string | undefined {
  return typeof tenant === 'string' && tenant.length > 0 && tenant.length <= 200 ? tenant : undefined;
}
