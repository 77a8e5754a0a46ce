import { Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, parseParametersOr400, type Principal, Roles, zodApiSchema } from '@hotline/platform';
import { z } from 'zod';
import { AlertIdOrNextRoute, NextRouteFilter } from './alert-id-route';
import { alertNotFound, alertStateProblem } from './alert-problems';
import { alertIdParam, listAlertsQuery } from './alert-requests';
import { type AlertPage, alertPageSchema, type AlertResponse, alertSchema } from './alert-response';
import { ManageAlerts } from './use-cases/manage-alerts';

const ALERT = zodApiSchema(alertSchema, 'output', 'Alert');
const NOT_FOUND = { status: 404, description: 'Your tenant has no such alert' } as const;
const idOf = (alertId: string): string => parseParametersOr400('params', z.object({ alertId: alertIdParam }), { alertId }).alertId;

/** Live alerts (MANUAL 5.2): read them with their history, acknowledge, resolve. */
@ApiTags('alerts')
@Controller('v1/alerts')
@ApiResponse({ status: 401, description: 'No valid JWT' })
@ApiResponse({ status: 403, description: 'None of the roles the route needs' })
export class AlertsController {
  constructor(private readonly alerts: ManageAlerts) {}

  @Get()
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: "Your tenant's alerts, latest raised first (keyset pages)" })
  @ApiQuery({ name: 'state', required: false, enum: ['open', 'raised', 'acknowledged', 'resolved'], description: '`open`: raised or acknowledged' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page, unchanged' })
  @ApiResponse({ status: 200, schema: zodApiSchema(alertPageSchema, 'output', 'AlertPage'), description: 'A page of alerts' })
  @ApiResponse({ status: 400, description: 'problem+json naming the bad parameter, e.g. `query.state`' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown): Promise<AlertPage> {
    return this.alerts.list(principal.tenantId, parseParametersOr400('query', listAlertsQuery, query));
  }

  @Get(':alertId')
  @UseFilters(NextRouteFilter)
  @Roles('supervisor', 'ops', 'admin')
  @ApiOperation({ summary: 'An alert with its full history: every state change, and every event published about it' })
  @ApiResponse({ status: 200, schema: ALERT, description: 'The alert' })
  @ApiResponse({ status: 404, description: 'Your tenant has no such alert, or the path names no alert id (`stream` is the alert stream)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('alertId', AlertIdOrNextRoute) alertId: string): Promise<AlertResponse> {
    const found = await this.alerts.find(principal.tenantId, alertId);
    if (!found) throw alertNotFound(alertId);
    return found;
  }

  @Post(':alertId/ack')
  @HttpCode(200)
  @Roles('supervisor', 'ops')
  @ApiOperation({ summary: 'Acknowledge an alert: escalation stops, `alert.updated` (acknowledged) when it was paged; idempotent, audited' })
  @ApiResponse({ status: 200, schema: ALERT, description: 'The acknowledged alert' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The alert is resolved already' })
  async ack(@CurrentPrincipal() principal: Principal, @Param('alertId') alertId: string): Promise<AlertResponse> {
    const acked = await this.alerts.acknowledge(principal.tenantId, idOf(alertId), actorOf(principal)).catch((e: unknown) => {
      throw alertStateProblem(e);
    });
    if (!acked) throw alertNotFound(alertId);
    return acked;
  }

  @Post(':alertId/resolve')
  @HttpCode(200)
  @Roles('supervisor', 'ops')
  @ApiOperation({ summary: 'Resolve an alert by hand (`alert.resolved`, how: manual); audited. If its condition still holds it is raised again at the next evaluation' })
  @ApiResponse({ status: 200, schema: ALERT, description: 'The resolved alert' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, description: 'The alert is resolved already' })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('alertId') alertId: string): Promise<AlertResponse> {
    const resolved = await this.alerts.resolve(principal.tenantId, idOf(alertId), actorOf(principal)).catch((e: unknown) => {
      throw alertStateProblem(e);
    });
    if (!resolved) throw alertNotFound(alertId);
    return resolved;
  }
}
