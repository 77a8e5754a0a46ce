import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseOr400, parseParametersOr400, type Principal, ProblemException, Roles, ValidationProblem, zodApiSchema } from '@hotline/platform';
import { webhookUrlProblem } from './domain/webhook-url';
import { RegisterWebhook } from './use-cases/register-webhook';
import { RemoveWebhook } from './use-cases/remove-webhook';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDestinations } from './webhook-destinations';
import { deliveriesQuery, registerWebhookBody, webhookParams } from './webhook-requests';
import {
  type DeliveryResponse,
  deliverySchema,
  type RegisteredWebhookResponse,
  registeredWebhookSchema,
  toDeliveryResponse,
  toWebhookResponse,
  type WebhookResponse,
  webhookSchema,
} from './webhook-response';
import { WebhooksRepository } from './webhooks.repository';

const ID_PARAM = { name: 'id', description: "The webhook's id (a UUID)", example: '0b7e2f4c-7d3a-4f0e-9a43-5d6b1c2e8f90' };

/** A tenant's signed alert webhooks (Standard Webhooks) and their delivery log. */
@ApiTags('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly register: RegisterWebhook,
    private readonly removal: RemoveWebhook,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly destinations: WebhookDestinations,
  ) {}

  @Post()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Register a webhook for alert events; the answer carries its signing secret, this once' })
  @ApiBody({ description: '`{url, events?, description}`: an http(s) URL; the alert event types to send (all when absent)', schema: zodApiSchema(registerWebhookBody, 'input', 'RegisterWebhook') })
  @ApiResponse({ status: 201, schema: zodApiSchema(registeredWebhookSchema, 'output', 'RegisteredWebhook'), description: 'Registered; keep `secret` to verify deliveries' })
  @ApiResponse({
    status: 400,
    description:
      'problem+json naming the field that is missing or malformed; `url` when its host is or resolves to a loopback, private, ' +
      'link-local (cloud metadata) or other internal address the allow-list (`QUALITY_WEBHOOK_ALLOWED_HOSTS`) does not admit',
  })
  @ApiResponse({ status: 422, description: 'problem+json naming `url` when it is not an http or https URL' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<RegisteredWebhookResponse> {
    const registration = parseOr400(registerWebhookBody, body ?? {});
    const problem = webhookUrlProblem(registration.url);
    if (problem !== undefined) {
      throw new ProblemException({ status: 422, detail: `The webhook URL ${problem}.`, errors: [{ path: 'url', message: `The URL ${problem}` }] });
    }
    const refusal = await this.destinations.refusal(registration.url);
    if (refusal !== undefined) {
      throw new ValidationProblem([{ path: 'url', message: `${refusal}: webhooks may not reach internal addresses unless QUALITY_WEBHOOK_ALLOWED_HOSTS admits the host` }]);
    }
    const { webhook, secret } = await this.register.execute(principal.tenantId, actorOf(principal), registration);
    return { ...toWebhookResponse(webhook), secret };
  }

  @Get()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "The tenant's webhooks (their secrets are never shown again)" })
  @ApiResponse({ status: 200, schema: { type: 'array', items: zodApiSchema(webhookSchema, 'output', 'Webhook') }, description: 'Oldest first' })
  async list(@CurrentPrincipal() principal: Principal): Promise<WebhookResponse[]> {
    return (await this.webhooks.list(principal.tenantId)).map(toWebhookResponse);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Remove a webhook with its delivery log; deliveries not yet made are dropped' })
  @ApiParam(ID_PARAM)
  @ApiResponse({ status: 204, description: 'Removed' })
  @ApiResponse({ status: 400, description: 'problem+json naming `params.id` when it is not a UUID' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such webhook' })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    const params = parseParametersOr400('params', webhookParams, { id });
    if (!(await this.removal.execute(principal.tenantId, actorOf(principal), params.id))) throw notFound(params.id);
  }

  @Get(':id/deliveries')
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "A webhook's deliveries, newest first: every attempt with its status code or error, the next retry, failures parked" })
  @ApiParam(ID_PARAM)
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, description: 'How many deliveries' })
  @ApiResponse({ status: 200, schema: { type: 'array', items: zodApiSchema(deliverySchema, 'output', 'WebhookDelivery') }, description: 'Newest first' })
  @ApiResponse({ status: 400, description: 'problem+json naming `params.id` or `query.limit`' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such webhook' })
  async deliveriesOf(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: unknown): Promise<DeliveryResponse[]> {
    const params = parseParametersOr400('params', webhookParams, { id });
    const { limit } = parseParametersOr400('query', deliveriesQuery, query ?? {});
    if (!(await this.webhooks.exists(principal.tenantId, params.id))) throw notFound(params.id);
    return (await this.deliveries.log(principal.tenantId, params.id, limit)).map(toDeliveryResponse);
  }
}

const notFound = (id: string) => new ProblemException({ status: 404, detail: `Your tenant has no webhook ${id}.` });
