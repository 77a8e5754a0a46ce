import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { BrokerHealthIndicator } from './broker-health.indicator';
import { OutboxHealthIndicator } from './outbox-health.indicator';
import { TimersHealthIndicator } from './timers-health.indicator';

/** Terminus's report, or the same report marked degraded: ready, but something needs a person. */
export type HealthReport = HealthCheckResult | (Omit<HealthCheckResult, 'status'> & { status: 'degraded' });

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly broker: BrokerHealthIndicator,
    private readonly outbox: OutboxHealthIndicator,
    private readonly timers: TimersHealthIndicator,
  ) {}

  /**
   * Readiness: 200 when the database and the broker answer, else 503 naming the failing check.
   * Still 200 but `status: "degraded"` when the outbox holds parked rows or, in a service with
   * durable timers, timers are parked.
   */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database and the broker answer (503 naming the failing check otherwise)' })
  async readiness(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database'),
        () => this.broker.isConnected('broker'),
        () => this.outbox.report('outbox'),
        ...(this.timers.isPresent() ? [() => this.timers.report('timers')] : []),
      ]);
      return this.outbox.isDegraded() || this.timers.isDegraded() ? { ...result, status: 'degraded' } : result;
    } catch (error) {
      // Terminus reports "not ready" as a 503 exception; answer with its report as it is, which
      // names the failing check, rather than let the exception filter turn it into a problem.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(error.getStatus());
      return error.getResponse() as HealthCheckResult;
    }
  }

  /** Liveness: the process is up and serving HTTP. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP' })
  @ApiOkResponse({ schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
