import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { ESCALATE_TIMER, RECHECK_TIMER } from './alerts-clock';
import { EscalateAlerts, RecheckAlerts } from './use-cases/recheck-alerts';

/** Registers the alerts' timer handlers before the timers start firing (at bootstrap). */
@Injectable()
export class AlertTimers implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly recheck: RecheckAlerts,
    private readonly escalate: EscalateAlerts,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handle(RECHECK_TIMER, (manager, timer) => this.recheck.execute(manager, timer));
    this.timers.handle(ESCALATE_TIMER, (manager, timer) => this.escalate.execute(manager, timer));
  }
}
