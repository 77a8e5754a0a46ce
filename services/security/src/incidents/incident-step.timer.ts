import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { STEP_TIMER_KIND } from './domain/incident-steps';
import { EscalateOverdueStep } from './use-cases/escalate-overdue-step';

/** Registers the plan-step deadline handler before the timers start firing (at bootstrap). */
@Injectable()
export class IncidentStepTimer implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly escalate: EscalateOverdueStep,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handle(STEP_TIMER_KIND, (manager, timer) => this.escalate.execute(manager, timer));
  }
}
