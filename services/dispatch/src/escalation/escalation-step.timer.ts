import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { ESCALATION_TIMER_KIND } from './escalation-effects';
import { EscalateOnTimeout } from './use-cases/escalate-on-timeout';

/** Registers the chain's next-level timer handler before the timers start firing (at bootstrap). */
@Injectable()
export class EscalationStepTimer implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly escalateOnTimeout: EscalateOnTimeout,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handle(ESCALATION_TIMER_KIND, (manager, timer) => this.escalateOnTimeout.execute(manager, timer));
  }
}
