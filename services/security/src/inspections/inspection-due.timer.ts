import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { INSPECTION_DUE_TIMER } from './inspections-clock';
import { FireOverdueInspection } from './use-cases/fire-overdue-inspection';

/** Registers the overdue inspections' timer handler before the timers start firing (at bootstrap). */
@Injectable()
export class InspectionDueTimer implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly fireOverdue: FireOverdueInspection,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handle(INSPECTION_DUE_TIMER, (manager, timer) => this.fireOverdue.execute(manager, timer));
  }
}
