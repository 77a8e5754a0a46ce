import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TIMERS_STATUS, type TimersStatus } from '@hotline/timers';
import { findAppProvider } from '../bootstrap/find-app-provider';

/**
 * Reported only by a service with durable timers (TIMERS_STATUS, provided by TimersModule). Always
 * up, like the outbox: a parked timer delays only itself. More than none marks the report degraded,
 * since a parked deadline is one nobody will be told about until a person retries it.
 */
@Injectable()
export class TimersHealthIndicator implements OnModuleInit {
  private timers?: TimersStatus;

  constructor(
    private readonly healthIndicator: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.timers = findAppProvider(this.moduleRef, TIMERS_STATUS);
  }

  /** Whether this service runs durable timers at all. */
  isPresent(): boolean {
    return this.timers !== undefined;
  }

  isDegraded(): boolean {
    return (this.timers?.parkedTimers() ?? 0) > 0;
  }

  report(key: string) {
    const indicator = this.healthIndicator.check(key);
    const parked = this.timers?.parkedTimers() ?? 0;
    if (parked === 0) return indicator.up({ parked });
    return indicator.up({
      parked,
      degraded: true,
      message: `${parked} timer(s) kept failing and are parked: npx hotline timers list --service <name>`,
    });
  }
}
