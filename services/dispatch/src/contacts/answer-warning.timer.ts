import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { ANSWER_WARN_TIMER_KIND } from './answer-verdicts';
import { FireAnswerWarning } from './use-cases/fire-answer-warning';

/** Registers the answer clocks' warn points' timer handler, a batch at a time, before the timers start firing (at bootstrap). */
@Injectable()
export class AnswerWarningTimer implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly fireAnswerWarning: FireAnswerWarning,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handleBatch(ANSWER_WARN_TIMER_KIND, (manager, timers) => this.fireAnswerWarning.execute(manager, timers));
  }
}
