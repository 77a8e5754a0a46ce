import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { CASE_TIMER_KIND } from './case-sla-events';
import { FireCaseClock } from './use-cases/fire-case-clock';

/** Registers the case clocks' timer handler, a batch at a time, before the timers start firing (at bootstrap). */
@Injectable()
export class CaseClockTimer implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly fireCaseClock: FireCaseClock,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handleBatch(CASE_TIMER_KIND, (manager, timers) => this.fireCaseClock.execute(manager, timers));
  }
}
