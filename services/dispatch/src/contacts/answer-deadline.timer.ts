import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { ANSWER_TIMER_KIND } from './answer-verdicts';
import { FireAnswerDeadline } from './use-cases/fire-answer-deadline';

/** Registers the answer deadlines' timer handler, a batch at a time, before the timers start firing (at bootstrap). */
@Injectable()
export class AnswerDeadlineTimer implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly timers: DurableTimers,
    private readonly fireAnswerDeadline: FireAnswerDeadline,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.timers.handleBatch(ANSWER_TIMER_KIND, (manager, timers) => this.fireAnswerDeadline.execute(manager, timers));
  }
}
