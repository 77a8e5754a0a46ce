import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { OUTBOX_STATUS, type OutboxStatus } from '@hotline/messaging';
import { findAppProvider } from '../bootstrap/find-app-provider';

/**
 * Always up (parked rows do not stop the service taking work, so it must stay in rotation), but
 * says how many outbox rows are parked; more than none marks the whole report degraded.
 */
@Injectable()
export class OutboxHealthIndicator implements OnModuleInit {
  private outbox?: OutboxStatus;

  constructor(
    private readonly healthIndicator: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.outbox = findAppProvider(this.moduleRef, OUTBOX_STATUS);
  }

  /** Whether the relay has parked rows someone should look at. */
  isDegraded(): boolean {
    return (this.outbox?.parkedRows() ?? 0) > 0;
  }

  report(key: string) {
    const indicator = this.healthIndicator.check(key);
    const parked = this.outbox?.parkedRows() ?? 0;
    if (!this.outbox) return indicator.up({ relay: 'not running in this process' });
    if (parked === 0) return indicator.up({ parked });
    return indicator.up({
      parked,
      degraded: true,
      message: `${parked} event(s) could not be published and are parked: npx hotline outbox list --service <name>`,
    });
  }
}
