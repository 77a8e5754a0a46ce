import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DurableTimers } from '@hotline/timers';
import { CaseLifecycle } from '../cases/case-lifecycle';
import { ACCEPT_TIMER_KIND } from './accept-timer';
import { RouteCase } from './use-cases/route-case';

/** Hooks routing in before cases open and timers fire (at bootstrap): opened cases, and lapsed offers. */
@Injectable()
export class RoutingRegistrations implements OnModuleInit {
  // A hybrid app (HTTP plus the AMQP transport) runs init hooks once for each.
  private registered = false;

  constructor(
    private readonly lifecycle: CaseLifecycle,
    private readonly timers: DurableTimers,
    private readonly routeCase: RouteCase,
  ) {}

  onModuleInit(): void {
    if (this.registered) return;
    this.registered = true;
    this.lifecycle.listen({ caseOpened: (manager, _event, kase) => this.routeCase.opened(manager, kase.snapshot) });
    this.timers.handle(ACCEPT_TIMER_KIND, (manager, timer) => this.routeCase.lapsed(manager, timer));
  }
}
